import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * --data-dir DIR (or --data-dir=DIR) wins, then OSEA_DATA_DIR, then the platform default the caller passes
 * (Electron's userData folder, or ~/.osea-workstation in web mode). Tests give each run a fresh folder this way.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const fromArgs = argValue(argv, '--data-dir');
  if (fromArgs) return resolve(fromArgs);
  if (env.OSEA_DATA_DIR) return resolve(env.OSEA_DATA_DIR);
  return fallback;
}

export const webModeDefaultDataDir = (): string => join(homedir(), '.osea-workstation');

export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
