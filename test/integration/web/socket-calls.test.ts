import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_SOCKET_MAX_PAYLOAD } from '../../../shared/contract/ipc';
import { silentLog } from '../../../electron/services/ipc/log';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { tempDir } from '../../unit/services/temp-dir';

/** POST /rpc/<channel> with the bearer token: what the socket's answers are compared against. */
function postRpc(host: WebHost, channel: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const target = new URL(host.url);
    const req = httpRequest(
      {
        host: target.hostname, port: target.port, path: `/rpc/${channel}`, method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

/** Sends raw text and waits for the next reply (events are skipped). */
function nextReply(socket: WebSocket, text: string | Buffer): Promise<{ call: number | null; result: unknown }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { call?: number | null; result?: unknown };
      if (!('call' in message)) return;
      socket.off('message', onMessage);
      resolve(message as { call: number | null; result: unknown });
    };
    socket.on('message', onMessage);
    socket.send(text);
  });
}

describe('calls on the web-mode WebSocket', () => {
  const dir = tempDir('osea-web-socket-');
  let host: WebHost;
  let wsUrl: string;
  let socket: WebSocket;
  const call = (n: number, channel: string, input: unknown) => nextReply(socket, JSON.stringify({ call: n, channel, input }));

  beforeAll(async () => {
    const rendererDir = join(dir.path, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startWebHost({ host: '127.0.0.1', port: 0, dataDir: join(dir.path, 'data'), rendererDir, registryUrl: 'http://127.0.0.1:9', log: silentLog });
    wsUrl = `${host.url.replace('http', 'ws')}events`;
    socket = await openSocket(wsUrl, { authorization: `Bearer ${host.token}` });
  });
  afterAll(async () => {
    socket.close();
    await host.close();
    dir.remove();
  });

  it('answers a call with the Result POST /rpc gives, matched by its number', async () => {
    expect(await call(7, 'app.ping', { echo: 'hi' })).toEqual({ call: 7, result: { ok: true, value: { echo: 'hi' } } });
    expect((await call(8, 'app.info', {})).result).toEqual(await postRpc(host, 'app.info', '{}'));
    expect((await call(9, 'settings.get', {})).result).toEqual(await postRpc(host, 'settings.get', '{}'));
  });

  it('answers bad input, unknown channels and unreadable messages with the same errors as HTTP', async () => {
    const bad = await call(1, 'app.ping', { echo: 5 });
    expect(bad).toMatchObject({ call: 1, result: { ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['echo'] }] } } } });
    expect(bad.result).toEqual(await postRpc(host, 'app.ping', '{"echo":5}'));
    const unknown = await call(2, 'no.such', {});
    expect(unknown).toMatchObject({ call: 2, result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    expect(unknown.result).toEqual(await postRpc(host, 'no.such', '{}'));

    expect(await nextReply(socket, '{not json')).toMatchObject({ call: null, result: { ok: false, error: { code: 'VALIDATION' } } });
    expect(await nextReply(socket, JSON.stringify({ call: 3, input: {} }))).toMatchObject({ call: 3, result: { ok: false, error: { code: 'VALIDATION' } } });
    expect(await nextReply(socket, JSON.stringify({ call: -1, channel: 'app.ping', input: { echo: 'x' } }))).toMatchObject({
      call: null, result: { ok: false, error: { code: 'VALIDATION' } },
    });
    expect(await nextReply(socket, Buffer.from('{"call":4,"channel":"app.ping","input":{"echo":"x"}}'))).toMatchObject({
      call: null, result: { ok: false, error: { code: 'VALIDATION' } },
    });
  });

  it('answers calls sent together, each under its own number', async () => {
    const answers = new Map<number, unknown>();
    const all = new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { call: number; result: unknown };
        answers.set(message.call, message.result);
        if (answers.size === 20) {
          socket.off('message', onMessage);
          resolve();
        }
      };
      socket.on('message', onMessage);
    });
    for (let n = 100; n < 120; n += 1) socket.send(JSON.stringify({ call: n, channel: 'app.ping', input: { echo: `e${n}` } }));
    await all;
    for (let n = 100; n < 120; n += 1) expect(answers.get(n)).toEqual({ ok: true, value: { echo: `e${n}` } });
  });

  it('does not let a socket opened with only the URL token call (RPC never takes the token from a URL)', async () => {
    const viaQuery = await openSocket(`${wsUrl}?token=${host.token}`, {});
    try {
      expect(await nextReply(viaQuery, JSON.stringify({ call: 1, channel: 'app.ping', input: { echo: 'x' } }))).toEqual({
        call: 1, result: { ok: false, error: { code: 'UNAUTHORIZED', messageKey: 'errors.unauthorized' } },
      });
    } finally {
      viaQuery.close();
    }
  });

  it('needs the token and our origin to open the socket at all', async () => {
    await expect(openSocket(wsUrl, {})).rejects.toThrow(/401/);
    await expect(openSocket(wsUrl, { authorization: 'Bearer wrong' })).rejects.toThrow(/401/);
    await expect(openSocket(wsUrl, { authorization: `Bearer ${host.token}`, origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('closes a socket sent a message over its limit (the client sends such calls over HTTP)', async () => {
    const other = await openSocket(wsUrl, { authorization: `Bearer ${host.token}` });
    const closed = new Promise<number>((resolve) => other.once('close', (code) => resolve(code)));
    other.send(JSON.stringify({ call: 1, channel: 'app.ping', input: { echo: 'x'.repeat(WEB_SOCKET_MAX_PAYLOAD) } }));
    expect(await closed).toBe(1009);
  });
});
