#!/usr/bin/env node
// npm run start:web -- --port N [--registry URL] [--data-dir DIR]
// Builds the renderer when out/ is stale, starts the embedded demo registry unless a registry URL is given
// (--registry or OSEA_REGISTRY_URL), then the web-mode host. stdout carries exactly one line,
// `web mode ready: http://127.0.0.1:PORT/?token=TOKEN`; everything else goes to stderr. Ctrl+C/SIGTERM stop both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoRegistry } from './demo-registry.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name) => {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
};
const say = (line) => process.stderr.write(`${line}\n`);

const port = arg('--port') ?? '0';
const dataDir = resolve(arg('--data-dir') ?? process.env.OSEA_DATA_DIR ?? join(homedir(), '.osea-workstation'));
let registryUrl = arg('--registry') ?? process.env.OSEA_REGISTRY_URL;
const rendererDir = join(root, 'out', 'renderer');

const children = new Set();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const waitFor = [...children].map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once('exit', r))));
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 5000);
  Promise.all(waitFor).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  const index = join(rendererDir, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  return built === 0 ? 'missing' : built < sources ? 'older' : null;
}

// Several hosts may start at once (parallel e2e workers): one builds, the others wait for it, then re-check.
const lockDir = join(root, 'out', '.build-lock');
function withBuildLock(fn) {
  mkdirSync(join(root, 'out'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch {
      if (lockHolderGone() || Date.now() > deadline) rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
function lockHolderGone() {
  try {
    process.kill(Number(readFileSync(join(lockDir, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

function buildIfStale() {
  if (!isStale()) return;
  let failed = false;
  withBuildLock(() => {
    const why = isStale();
    if (!why) return;
    say(why === 'missing'
      ? 'building the app (out/renderer/index.html is missing): npx electron-vite build'
      : 'building the app (renderer/ or shared/ changed since the last build): npx electron-vite build');
    const run = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
    failed = run.status !== 0;
  });
  if (failed) {
    say('web mode: the build failed (see above)');
    process.exit(1);
  }
}

function startHost() {
  const args = ['--import', 'tsx', join(root, 'electron', 'web', 'cli.ts'),
    '--port', port, '--data-dir', dataDir, '--renderer-dir', rendererDir];
  if (registryUrl) args.push('--registry', registryUrl);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  child.once('exit', (code) => {
    if (!stopping) stopAll(code ?? 1);
  });
}

buildIfStale();
if (!registryUrl) {
  try {
    registryUrl = await startDemoRegistry({ root, dataDir, say, children, isStopping: () => stopping });
  } catch (error) {
    say(`web mode: ${error.message}`);
    stopAll(1);
  }
}
if (!stopping) startHost();
