/** The real registry CLI with --demo, as start:web runs it, keeping its stdout lines to check nothing precedes the listening line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface DemoRegistry {
  child: ChildProcess;
  url: string;
  stdoutLines: string[];
  stderr: () => string;
  stop: () => Promise<void>;
}

export async function startDemoRegistry(dataDir: string): Promise<DemoRegistry> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'registry/cli.ts'), '--demo', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stdoutLines: string[] = [];
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdoutLines.push(line);
      const match = /^registry listening: (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    void exited.then(([code]) => reject(new Error(`registry exited ${String(code)} before listening:\n${stderr}`)));
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  return { child, url, stdoutLines, stderr: () => stderr, stop };
}

export async function signIn(url: string, username: string, password: string): Promise<Response> {
  return fetch(`${url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

export async function bearerFor(url: string, username: string, password: string): Promise<string> {
  const response = await signIn(url, username, password);
  if (response.status !== 200) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
