/**
 * npm run bench: runs every test/bench/*.bench.ts in its own process, one after another (these machines are noisy;
 * running benches side by side would measure each other). Each prints JSON lines; a failing bench is reported as a
 * figure-less error line and the run goes on. `npm run bench -- NAME` runs only benches whose file name contains NAME.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const benches = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();

let failures = 0;
for (const file of benches) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  if (run.status !== 0) {
    failures += 1;
    process.stdout.write(`${JSON.stringify({ name: `${file}:error`, value: run.status ?? -1, unit: 'exit' })}\n`);
  }
}
process.exit(failures === 0 ? 0 : 1);
