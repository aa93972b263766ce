// The embedded demo registry that `npm start` and `npm run start:web` run when no registry URL is given: the
// reference registry's CLI with --demo, its SQLite data inside the workstation's data dir.
//
// It listens on 127.0.0.1:8787 — the workstation's default registry URL — whenever that port is free, because local
// profiles (offline unlock, the outbox) belong to a registry URL: a new random port every start would strand
// yesterday's sign-in. Only when 8787 is taken does it fall back to a random port, and says so.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const DEMO_REGISTRY_PORT = 8787;
const LISTENING = /^registry listening: (http:\/\/\S+)/;

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * Starts the demo registry as a child (added to `children` so the caller stops it) and resolves its URL once it
 * prints "registry listening:". Resolves undefined when the registry code is not there (a packaged app).
 */
export async function startDemoRegistry({ root, dataDir, say, children, isStopping }) {
  const cli = join(root, 'registry', 'cli.ts');
  if (!existsSync(cli)) {
    say('embedded demo registry not available (registry/cli.ts missing); using the registry URL from settings');
    return undefined;
  }
  const preferred = (await portIsFree(DEMO_REGISTRY_PORT)) ? DEMO_REGISTRY_PORT : 0;
  if (preferred === 0) say(`port ${DEMO_REGISTRY_PORT} is taken: the demo registry listens on a random port this time`);
  say('starting the embedded demo registry');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--demo', '--port', String(preferred), '--data-dir', join(dataDir, 'registry')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.add(child);
  return new Promise((resolveUrl, reject) => {
    const lines = createInterface({ input: child.stdout });
    // the first start in a data dir generates the demo dataset (videos + ingest, under 2 minutes on 2 cores)
    const timer = setTimeout(() => reject(new Error('the demo registry did not report "registry listening:" in 180 s')), 180_000);
    lines.on('line', (line) => {
      const match = LISTENING.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      } else {
        say(`[registry] ${line}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!isStopping()) {
        say(`the demo registry exited (code ${code})`);
        reject(new Error('demo registry exited'));
      }
    });
  });
}
