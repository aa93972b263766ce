/**
 * npm run registry -- --data-dir DIR --port N [--host 127.0.0.1] [--database-url postgres://…] [--demo]
 * Prints exactly `registry listening: http://HOST:PORT` once listening (the workstation's start script waits for it);
 * logs go to stderr so stdout stays that one line. SIGTERM/SIGINT finish in-flight requests, then exit.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildRegistry } from './server.js';
import { ensureDemoDataset } from '../resources/demo/ensure-demo-dataset.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'database-url': { type: 'string' },
    demo: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
  },
  strict: true,
});

const dataDir = values['data-dir'];
const port = Number(values.port);
if (!dataDir || !Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('usage: npm run registry -- --data-dir DIR --port N [--host H] [--database-url postgres://…] [--demo]\n');
  process.exit(2);
}

// --demo: the demo dataset is generated once per data dir before the registry opens it (progress on stderr).
if (values.demo) {
  await ensureDemoDataset({
    dataDir,
    databaseUrl: values['database-url'] ?? process.env.OSEA_REGISTRY_DATABASE_URL,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
}

const adminPassword = process.env.OSEA_REGISTRY_ADMIN_PASSWORD;
const app = await buildRegistry({
  dataDir,
  databaseUrl: values['database-url'] ?? process.env.OSEA_REGISTRY_DATABASE_URL,
  demo: values.demo,
  log: { level: values['log-level'], stream: pino.destination(2) },
  bootstrapAdmin: adminPassword ? { username: process.env.OSEA_REGISTRY_ADMIN_USERNAME ?? 'admin', password: adminPassword } : undefined,
});

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port, host: values.host });
const address = app.server.address();
const boundPort = typeof address === 'object' && address ? address.port : port;
process.stdout.write(`registry listening: http://${values.host}:${boundPort}\n`);
