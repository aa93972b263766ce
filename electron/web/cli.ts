/**
 * node --import tsx electron/web/cli.ts --port N [--host 127.0.0.1] [--data-dir DIR] [--registry URL]
 *   [--renderer-dir out/renderer]
 * Prints exactly one line `web mode ready: http://127.0.0.1:PORT/?token=TOKEN` (tests parse it), then serves until
 * SIGINT/SIGTERM or app.quit.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_TOKEN_QUERY } from '../../shared/contract/ipc';
import { argValue, resolveDataDir, webModeDefaultDataDir } from '../services/app/data-dir';
import { readPackageVersion } from '../services/app/package-version';
import { startWebHost } from './host';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const port = Number(argValue(argv, '--port') ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`web mode: --port must be an integer 0–65535, got "${argValue(argv, '--port')}"`);
  process.exit(2);
}

let shuttingDown = false;
const host = await startWebHost({
  host: argValue(argv, '--host') ?? '127.0.0.1',
  port,
  dataDir: resolveDataDir(argv, process.env, webModeDefaultDataDir()),
  rendererDir: resolve(argValue(argv, '--renderer-dir') ?? join(here, '../../out/renderer')),
  registryUrl: argValue(argv, '--registry') ?? process.env.OSEA_REGISTRY_URL,
  version: readPackageVersion(here),
  onQuit: () => void shutdown(),
}).catch((error: unknown) => {
  console.error(`web mode failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const status = host.workstation.store.status();
if (status.state === 'unavailable') {
  // Web mode has no dialog: the renderer shows the same choices from store.status; say it here too.
  console.error(`local store unavailable: ${status.file} (${status.reason}); the app offers "move aside and start fresh" or quit`);
}
console.log(`web mode ready: ${host.url}?${WEB_TOKEN_QUERY}=${host.token}`);

async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await host.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
