#!/usr/bin/env node
// npm test: typecheck, lint, build, vitest, then Playwright e2e in web mode. Stops at the first failing step and
// ends with one summary line the CI can read: "tests: N passed, N failed" counts the vitest and Playwright tests
// (read from their JSON reports); a failing check step (typecheck, lint, build) counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = 'test-results';
const VITEST_JSON = `${REPORTS}/vitest.json`;
const PLAYWRIGHT_JSON = `${REPORTS}/playwright.json`;

mkdirSync(REPORTS, { recursive: true });
for (const file of [VITEST_JSON, PLAYWRIGHT_JSON]) rmSync(file, { force: true });

const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build'] },
  {
    name: 'unit+integration+reliability (vitest)',
    cmd: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
    count: () => countVitest(VITEST_JSON),
  },
  {
    name: 'e2e (playwright, web mode)',
    cmd: 'npx',
    args: ['playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
    count: () => countPlaywright(PLAYWRIGHT_JSON),
  },
];

function readJson(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function countVitest(file) {
  const report = readJson(file);
  if (!report) return null;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) };
}

function countPlaywright(file) {
  const report = readJson(file);
  if (!report?.stats) return null;
  return { passed: report.stats.expected ?? 0, failed: (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0) };
}

let passed = 0;
let failed = 0;
for (const step of steps) {
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  const counted = step.count?.();
  if (counted) {
    passed += counted.passed;
    // A runner that exits non-zero with no failed test in its report (a crash, a setup error) still fails the run.
    failed += counted.failed > 0 || ok ? counted.failed : 1;
  } else if (!ok) {
    failed += 1;
  }
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds}s)${counted ? ` ${counted.passed} passed, ${counted.failed} failed` : ''} ===`);
  if (!ok) break;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
