#!/usr/bin/env node
// npm start: the Electron app where its binary is installed, on the embedded demo registry unless a registry URL is
// given (--registry or OSEA_REGISTRY_URL), as web mode does; otherwise (ELECTRON_SKIP_BINARY_DOWNLOAD machines) one
// clear line, then web mode with the same arguments.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoRegistry } from './demo-registry.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the download was skipped.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const arg = (name) => {
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
};
const say = (line) => process.stderr.write(`${line}\n`);

/** Children besides the app itself (the demo registry): stopped when the app exits. */
const helpers = new Set();
let stopping = false;
const stopHelpers = () => {
  stopping = true;
  for (const child of helpers) if (child.exitCode === null) child.kill('SIGTERM');
};

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.exitCode === null && child.kill(signal);
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.once('exit', (code, signal) => {
    stopHelpers();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

const electron = electronBinary();
if (electron) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const appArgs = [...args];
  if (!arg('--registry') && !process.env.OSEA_REGISTRY_URL) {
    // Electron's own data folder is only known inside the app; the demo registry's data goes to the same place
    // web mode uses unless --data-dir or OSEA_DATA_DIR says otherwise.
    const dataDir = resolve(arg('--data-dir') ?? process.env.OSEA_DATA_DIR ?? join(homedir(), '.osea-workstation'));
    try {
      const url = await startDemoRegistry({ root, dataDir, say, children: helpers, isStopping: () => stopping });
      if (url) appArgs.push('--registry', url);
    } catch (error) {
      say(`npm start: ${error.message}`);
      stopHelpers();
      process.exit(1);
    }
  }
  run(electron, [root, ...appArgs]);
} else {
  process.stderr.write('Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); starting web mode instead.\n');
  run(process.execPath, [join(root, 'scripts', 'start-web.mjs'), ...args]);
}
