#!/usr/bin/env node
// npm test: typecheck, lint, vitest, then Playwright e2e in web mode. Stops at the first failing step and
// ends with one summary line the CI can read ("N passed, N failed").
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['build', 'npm', ['run', '-s', 'build']],
  ['unit+integration (vitest)', 'npx', ['vitest', 'run']],
  ['e2e (playwright, web mode)', 'npx', ['playwright', 'test']],
];

let passed = 0;
let failed = 0;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status === 0) {
    passed += 1;
    console.log(`=== ${name}: ok (${seconds}s) ===`);
  } else {
    failed += 1;
    console.log(`=== ${name}: FAILED (${seconds}s) ===`);
    break;
  }
}
console.log(`\ntest steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
