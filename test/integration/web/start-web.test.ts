import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings/settings';
import { tempDir } from '../../unit/services/temp-dir';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const READY = /^web mode ready: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/;

/** `npm run start:web` as a user runs it: a real process tree, its one stdout line, SIGTERM to stop. */
function startWeb(args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; ready: Promise<{ origin: string; token: string; stdout: string[] }> } {
  const child = spawn(process.execPath, [join(root, 'scripts', 'start-web.mjs'), '--port', '0', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const ready = new Promise<{ origin: string; token: string; stdout: string[] }>((resolveReady, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line);
      const match = READY.exec(line);
      if (match) resolveReady({ origin: match[1] as string, token: match[2] as string, stdout });
    });
    child.once('exit', (code) => reject(new Error(`start-web exited (${code}) before ready:\n${stderr.join('')}`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));

const portAccepts = (url: string) =>
  new Promise<boolean>((resolveAccepts) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolveAccepts(true);
    });
    socket.once('error', () => resolveAccepts(false));
  });

describe('npm run start:web', () => {
  const dir = tempDir('osea-start-web-');
  let running: ChildProcess | null = null;
  afterEach(() => {
    if (running?.exitCode === null) running.kill('SIGKILL');
    running = null;
  });
  afterAll(() => dir.remove());

  it('prints one ready line, guards every request with the token, and stops on SIGTERM', async () => {
    const { child, ready } = startWeb(['--data-dir', join(dir.path, 'a'), '--registry', 'http://127.0.0.1:9']);
    running = child;
    const { origin, token, stdout } = await ready;
    expect(stdout.filter((line) => line.startsWith('web mode ready:'))).toHaveLength(1);
    expect((await fetch(`${origin}/`)).status).toBe(401);
    expect((await fetch(`${origin}/`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const page = await fetch(`${origin}/`, { headers: { authorization: `Bearer ${token}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const settings = await fetch(`${origin}/rpc/settings.get`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await settings.json()).toMatchObject({ ok: true, value: { registryUrl: 'http://127.0.0.1:9' } });
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(await portAccepts(origin)).toBe(false);
  });

  it('starts the embedded demo registry when no registry is given, and stops it too', async () => {
    const env = { ...process.env };
    delete env.OSEA_REGISTRY_URL;
    // The demo registry takes the default registry URL's port when it is free (profiles belong to a URL).
    const defaultPortFree = !(await portAccepts(DEFAULT_SETTINGS.registryUrl));
    const { child, ready } = startWeb(['--data-dir', join(dir.path, 'b')], env);
    running = child;
    const { origin, token } = await ready;
    const settings = (await (
      await fetch(`${origin}/rpc/settings.get`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { value: { registryUrl: string } };
    const registryUrl = settings.value.registryUrl;
    expect(registryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    if (defaultPortFree) expect(registryUrl).toBe(DEFAULT_SETTINGS.registryUrl);
    expect((await fetch(`${registryUrl}/v1/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(await portAccepts(registryUrl)).toBe(false);
  }, 240_000); // a fresh data dir: the registry generates the demo dataset first

  it('npm start without the Electron binary says so in one line and falls back to web mode', async () => {
    const child = spawn(
      process.execPath,
      [join(root, 'scripts', 'start.mjs'), '--port', '0', '--data-dir', join(dir.path, 'c'), '--registry', 'http://127.0.0.1:9'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    running = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const origin = await new Promise<string>((resolveReady, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = READY.exec(line);
        if (match) resolveReady(match[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${stderr}`)));
    });
    expect(stderr).toContain('Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); starting web mode instead.');
    expect((await fetch(`${origin}/`)).status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(await portAccepts(origin)).toBe(false);
  });
});
