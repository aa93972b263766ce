/**
 * Web-mode RPC round trip of app.ping: the real host (electron/web/cli.ts) in its own process, one keep-alive
 * connection from here, sequential calls. Figures: web_rpc_roundtrip_p50 / _p95 (ms).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { emit, percentile, timeMs } from './figures';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WARMUP = 300;
const SAMPLES = 3000;

const dir = mkdtempSync(join(tmpdir(), 'osea-bench-rpc-'));
mkdirSync(join(dir, 'renderer'));
writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
const host = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'electron/web/cli.ts'), '--port', '0', '--data-dir', join(dir, 'data'),
    '--renderer-dir', join(dir, 'renderer'), '--registry', 'http://127.0.0.1:9'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);

try {
  const ready = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('host not ready in 60 s')), 60_000);
    createInterface({ input: host.stdout }).on('line', (line) => {
      const match = /^web mode ready: (\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1] as string);
      }
    });
  });
  const url = new URL(ready);
  const token = url.searchParams.get('token') as string;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ echo: 'ping' });

  const ping = () =>
    new Promise<void>((done, fail) => {
      const req = request(
        {
          host: url.hostname, port: url.port, path: '/rpc/app.ping', method: 'POST', agent,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => (text.startsWith('{"ok":true') ? done() : fail(new Error(text))));
        },
      );
      req.on('error', fail);
      req.end(body);
    });

  for (let i = 0; i < WARMUP; i += 1) await ping();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) samples.push(await timeMs(ping));
  emit('web_rpc_roundtrip_p50', percentile(samples, 50), 'ms', { samples: SAMPLES });
  emit('web_rpc_roundtrip_p95', percentile(samples, 95), 'ms', { samples: SAMPLES });
  agent.destroy();
} finally {
  host.kill('SIGTERM');
  await new Promise((r) => host.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
