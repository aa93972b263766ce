import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import NodeWebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WEB_TOKEN_COOKIE } from '../../../shared/contract/ipc';
import type { OseaBridge } from '../../../shared/contract/ipc';
import { silentLog } from '../../../electron/services/ipc/log';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { createWebBridge } from '../../../renderer/src/app/bridge/web-bridge';
import { tempDir } from '../../unit/services/temp-dir';

/**
 * The renderer's web bridge against the real host, in Node: `WebSocket` and `fetch` stand in for the browser's and
 * carry the session cookie as Chromium would. It shows that a call takes HTTP until the socket is open, the socket
 * after, gives the same Results both ways, and settles as OFFLINE when the host goes away mid-call.
 */
describe('web bridge calls: HTTP until the socket is open, then the socket', () => {
  const dir = tempDir('osea-web-bridge-');
  let host: WebHost;
  let bridge: OseaBridge;
  let bridgeOrigin = '';
  const httpCalls: string[] = [];

  beforeAll(async () => {
    const rendererDir = join(dir.path, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startWebHost({ host: '127.0.0.1', port: 0, dataDir: join(dir.path, 'data'), rendererDir, registryUrl: 'http://127.0.0.1:9', log: silentLog });
    const cookie = `${WEB_TOKEN_COOKIE}=${host.token}`;
    const origin = host.url.slice(0, -1);
    vi.stubGlobal('WebSocket', class extends NodeWebSocket {
      constructor(url: string) {
        super(url, { headers: { cookie, origin } });
      }
    });
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      httpCalls.push(new URL(url).pathname);
      return realFetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
    });
    bridgeOrigin = origin;
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await host.close();
    dir.remove();
  });

  it('answers the first call over HTTP while the socket opens', async () => {
    // Channels cheap to call stand in for the draft autosave, the one channel the app sends on the socket.
    bridge = createWebBridge(bridgeOrigin, new Set(['app.ping', 'app.info']));
    // Called in the same tick as the bridge was made: the socket cannot be open yet.
    expect(await bridge.invoke('app.ping', { echo: 'first' })).toEqual({ ok: true, value: { echo: 'first' } });
    expect(httpCalls).toEqual(['/rpc/app.ping']);
  });

  it('then sends calls on the socket, with the same Results as HTTP', async () => {
    await vi.waitFor(async () => {
      const before = httpCalls.length;
      await bridge.invoke('app.ping', { echo: 'probe' });
      expect(httpCalls.length).toBe(before);
    });
    const before = httpCalls.length;
    expect(await bridge.invoke('app.ping', { echo: 'socket' })).toEqual({ ok: true, value: { echo: 'socket' } });
    const info = await bridge.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'web' } });
    // Bad input is the dispatcher's VALIDATION, as over HTTP; the bridge's own types are bypassed on purpose.
    const bad = await bridge.invoke('app.ping', { echo: 5 } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['echo'] }] } } });
    expect(httpCalls.length).toBe(before);
  });

  it('keeps every other channel on HTTP', async () => {
    const before = httpCalls.length;
    expect(await bridge.invoke('settings.get', {})).toMatchObject({ ok: true });
    expect(httpCalls.slice(before)).toEqual(['/rpc/settings.get']);
  });

  it('sends an input too big for a socket message over HTTP', async () => {
    const before = httpCalls.length;
    const big = await bridge.invoke('app.ping', { echo: 'x'.repeat(90_000) } as never);
    expect(big).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(httpCalls.length).toBe(before + 1);
  });

  it('settles a call as OFFLINE when the host goes away before answering', async () => {
    const calls = Array.from({ length: 5 }, (_, i) => bridge.invoke('app.ping', { echo: `last ${i}` }));
    await host.close();
    for (const result of await Promise.all(calls)) {
      expect(result.ok ? 'answered' : result.error.code).toMatch(/^(answered|OFFLINE)$/);
    }
    expect(await bridge.invoke('app.ping', { echo: 'after' })).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
  });
});
