import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_TOKEN_COOKIE } from '../../../shared/contract/ipc';
import { silentLog } from '../../../electron/services/ipc/log';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { tempDir } from '../../unit/services/temp-dir';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw node:http so the test controls every header (fetch would normalize paths like /media/%2e%2e). */
function call(url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      { host: target.hostname, port: target.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web-mode host', () => {
  const dir = tempDir('osea-web-');
  const rendererDir = join(dir.path, 'renderer');
  const dataDir = join(dir.path, 'data');
  const video = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
  let host: WebHost;
  let bearer: Record<string, string>;
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startWebHost({ host: '127.0.0.1', port: 0, dataDir, rendererDir, registryUrl: 'http://127.0.0.1:9', log: silentLog });
    mkdirSync(join(dataDir, 'media', 'ab'), { recursive: true });
    writeFileSync(join(dataDir, 'media', 'ab', 'clip.mp4'), video);
    writeFileSync(join(dataDir, 'secret.txt'), 'outside');
    bearer = { authorization: `Bearer ${host.token}` };
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('prints a loopback URL and a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/assets/app.js'],
    ['GET', '/some/route'],
    ['POST', '/rpc/app.ping'],
    ['GET', '/media/ab/clip.mp4'],
    ['GET', '/events'],
  ])('answers 401 to %s %s without a token', async (method, path) => {
    const reply = await call(host.url, path, { method, headers: json, body: method === 'POST' ? '{"echo":"x"}' : undefined });
    expect(reply.status).toBe(401);
    expect(reply.body.toString()).not.toContain('shell');
  });

  it.each([
    ['a wrong bearer', { authorization: 'Bearer wrong-token' }, '/'],
    ['a wrong cookie', { cookie: `${WEB_TOKEN_COOKIE}=wrong-token` }, '/'],
    ['a wrong query token', {}, '/?token=wrong-token'],
    ['a token one character short', {}, '/?token=TRUNCATED'],
  ])('answers 401 with %s', async (_label, headers, path) => {
    const actualPath = path.replace('TRUNCATED', host.token.slice(0, -1));
    expect((await call(host.url, actualPath, { headers })).status).toBe(401);
  });

  it('serves RPC with the bearer token', async () => {
    const reply = await call(host.url, '/rpc/app.ping', { method: 'POST', headers: { ...bearer, ...json }, body: '{"echo":"hi"}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString())).toEqual({ ok: true, value: { echo: 'hi' } });
  });

  it('does not accept the token in an RPC URL', async () => {
    const reply = await call(host.url, `/rpc/app.ping?token=${host.token}`, { method: 'POST', headers: json, body: '{"echo":"hi"}' });
    expect(reply.status).toBe(401);
  });

  it('trades ?token= on the first page load for an HttpOnly SameSite=Strict cookie that then works everywhere', async () => {
    const first = await call(host.url, `/?token=${host.token}`);
    expect(first.status).toBe(200);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain(`${WEB_TOKEN_COOKIE}=${host.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);

    const cookie = { cookie: `${WEB_TOKEN_COOKIE}=${host.token}` };
    const rpc = await call(host.url, '/rpc/app.info', { method: 'POST', headers: { ...cookie, ...json }, body: '{}' });
    expect(JSON.parse(rpc.body.toString())).toMatchObject({ ok: true, value: { mode: 'web', dataDir } });
    expect((await call(host.url, '/assets/app.js', { headers: cookie })).body.toString()).toBe('console.log(1)');
  });

  it('lets a fresh query token win over a stale cookie from an earlier run', async () => {
    const reply = await call(host.url, `/?token=${host.token}`, { headers: { cookie: `${WEB_TOKEN_COOKIE}=stale` } });
    expect(reply.status).toBe(200);
    expect(String(reply.headers['set-cookie'])).toContain(host.token);
  });

  it('answers 401, not a crash, to odd request targets', async () => {
    expect((await call(host.url, '//evil.example/x')).status).toBe(401);
    expect((await call(host.url, '*', { method: 'OPTIONS' })).status).toBe(401);
  });

  it('falls back to index.html for client routes but not for missing assets', async () => {
    expect((await call(host.url, '/review/tasks', { headers: bearer })).body.toString()).toContain('<title>shell');
    expect((await call(host.url, '/assets/missing.js', { headers: bearer })).status).toBe(404);
  });

  it('answers bad JSON, unknown channels and bad input with Results', async () => {
    const post = (path: string, body: string) => call(host.url, path, { method: 'POST', headers: { ...bearer, ...json }, body });
    expect(JSON.parse((await post('/rpc/app.ping', '{not json')).body.toString())).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.parse((await post('/rpc/no.such', '{}')).body.toString())).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(JSON.parse((await post('/rpc/app.ping', '{"echo":5}')).body.toString())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['echo'] }] } },
    });
  });

  it('refuses a body over 1 MiB and a non-JSON content type', async () => {
    const big = JSON.stringify({ echo: 'x'.repeat(1024 * 1024 + 10) });
    expect((await call(host.url, '/rpc/app.ping', { method: 'POST', headers: { ...bearer, ...json }, body: big })).status).toBe(413);
    const form = { ...bearer, 'content-type': 'application/x-www-form-urlencoded' };
    expect((await call(host.url, '/rpc/app.ping', { method: 'POST', headers: form, body: 'echo=x' })).status).toBe(415);
  });

  it('refuses a cross-origin RPC even with a valid token', async () => {
    const headers = { ...bearer, ...json, origin: 'https://evil.example' };
    expect((await call(host.url, '/rpc/app.ping', { method: 'POST', headers, body: '{"echo":"x"}' })).status).toBe(403);
  });

  it('serves media with Range → 206 over HTTP', async () => {
    const reply = await call(host.url, '/media/ab/clip.mp4', { headers: { ...bearer, range: 'bytes=100-199' } });
    expect(reply.status).toBe(206);
    expect(reply.headers['content-range']).toBe('bytes 100-199/4096');
    expect(reply.headers['accept-ranges']).toBe('bytes');
    expect(reply.body.equals(video.subarray(100, 200))).toBe(true);
    const unsatisfiable = await call(host.url, '/media/ab/clip.mp4', { headers: { ...bearer, range: 'bytes=5000-' } });
    expect(unsatisfiable.status).toBe(416);
    expect(unsatisfiable.headers['content-range']).toBe('bytes */4096');
  });

  it.each([['/media/../secret.txt'], ['/media/%2e%2e/secret.txt'], ['/media/ab/%2E%2E/%2E%2E/secret.txt'], ['/media/%2Fetc%2Fpasswd']])(
    'refuses media traversal %s',
    async (path) => {
      const reply = await call(host.url, path, { headers: bearer });
      expect([400, 403]).toContain(reply.status);
      expect(reply.body.toString()).not.toContain('outside');
    },
  );

  it('streams contract events over the WebSocket only with a token', async () => {
    const wsUrl = host.url.replace('http', 'ws') + 'events';
    const refused = new WebSocket(wsUrl);
    const status = await new Promise<number>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.on('open', () => resolve(101));
    });
    expect(status).toBe(401);

    const socket = new WebSocket(wsUrl, { headers: bearer });
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const message = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    await call(host.url, '/rpc/settings.update', { method: 'POST', headers: { ...bearer, ...json }, body: '{"language":"en-US"}' });
    expect(await message).toEqual({ event: 'settings.changed', payload: { language: 'en-US', registryUrl: 'http://127.0.0.1:9' } });
    socket.close();
  });

  it.each([['0.0.0.0'], ['192.168.1.5'], ['::'], ['10.0.0.1'], ['example.com']])('refuses to bind %s', async (bindHost) => {
    await expect(
      startWebHost({ host: bindHost, port: 0, dataDir: join(dir.path, 'other'), rendererDir, log: silentLog }),
    ).rejects.toThrow(/refuses to bind.*loopback/);
  });
});
