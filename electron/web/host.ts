import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, type Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WEB_EVENTS_PATH, WEB_MEDIA_PATH, WEB_RPC_PATH, WEB_SOCKET_MAX_PAYLOAD } from '../../shared/contract/ipc';
import { err } from '../../shared/contract/result';
import { mediaCacheDir } from '../services/app/paths';
import { consoleLog, type Log } from '../services/ipc/log';
import { mediaResponse } from '../services/media/media-response';
import { createWorkstation, type Workstation } from '../services/workstation';
import { SECURITY_HEADERS } from './csp';
import { forwardEvents } from './events-socket';
import { assertLoopbackHost } from './loopback';
import { handleRpc, sendJson } from './rpc-route';
import { answerCalls } from './socket-calls';
import { serveStatic } from './static-files';
import { authorize, newWebToken, tokenCookie } from './token';

export interface WebHostOptions {
  host: string;
  port: number;
  dataDir: string;
  rendererDir: string;
  /** Default registry URL until the user saves one. */
  registryUrl?: string;
  version?: string;
  log?: Log;
  /** What app.quit does in web mode; by default the host closes itself. */
  onQuit?: () => void;
}

export interface WebHost {
  url: string;
  token: string;
  workstation: Workstation;
  close(): Promise<void>;
}

/**
 * Web mode (DESIGN §2): the workstation's handler table over HTTP + WebSocket on loopback, every request
 * (static, RPC, events, media) behind the per-run token. Calls are answered on POST /rpc and on the events socket.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = assertLoopbackHost(options.host);
  const log = options.log ?? consoleLog;
  const token = newWebToken();
  const mediaRoot = mediaCacheDir(options.dataDir);
  mkdirSync(mediaRoot, { recursive: true });

  let closeHost: () => Promise<void> = async () => {};
  const workstation = createWorkstation({
    dataDir: options.dataDir,
    mode: 'web',
    version: options.version ?? '0.0.0',
    ...(options.registryUrl ? { registryUrl: options.registryUrl } : {}),
    // A browser tab opens its own links; the host has no window to hand them to.
    openExternal: async () => false,
    quit: () => (options.onQuit ? options.onQuit() : void closeHost()),
    log,
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: WEB_SOCKET_MAX_PAYLOAD });
  const stopForwarding = forwardEvents(workstation.events, sockets);
  let allowedHosts = new Set<string>();

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log.error('web host request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) sendJson(response, 500, err({ code: 'INTERNAL', messageKey: 'errors.internal' }));
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Route on the raw path: WHATWG URL parsing would fold `..` and `%2e%2e` away before our checks could see them.
    const rawPath = (request.url ?? '/').split('?')[0] as string;
    const url = requestUrl(request);
    const isRpc = rawPath.startsWith(`${WEB_RPC_PATH}/`);
    const auth = authorize(request, url, token, !isRpc);
    if (!auth.ok) {
      sendJson(response, 401, err({ code: 'UNAUTHORIZED', messageKey: 'errors.unauthorized' }));
      return;
    }
    if (!allowedHosts.has(request.headers.host ?? '') || !originAllowed(request.headers.origin)) {
      sendJson(response, 403, err({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' }));
      return;
    }
    const cookie: Record<string, string> = auth.viaQuery ? { 'Set-Cookie': tokenCookie(token) } : {};

    if (isRpc) {
      await handleRpc(request, response, safeDecode(rawPath.slice(WEB_RPC_PATH.length + 1)), workstation.dispatch);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, err({ code: 'VALIDATION', messageKey: 'errors.validation' }), { Allow: 'GET, HEAD' });
      return;
    }
    if (rawPath === WEB_EVENTS_PATH) {
      sendJson(response, 426, err({ code: 'VALIDATION', messageKey: 'errors.validation' }), { Upgrade: 'websocket' });
      return;
    }
    if (rawPath.startsWith(`${WEB_MEDIA_PATH}/`)) {
      const media = mediaResponse(mediaRoot, rawPath.slice(WEB_MEDIA_PATH.length + 1), request.headers.range, request.method);
      response.writeHead(media.status, { ...SECURITY_HEADERS, ...cookie, ...media.headers });
      // pipeline, not pipe: a file vanishing mid-stream must end this response, not crash the host.
      if (media.body) pipeline(media.body, response, () => {});
      else response.end();
      return;
    }
    serveStatic(options.rendererDir, rawPath, response, cookie);
  }

  function originAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
    try {
      return allowedHosts.has(new URL(origin).host);
    } catch {
      return false;
    }
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const rawPath = (request.url ?? '/').split('?')[0];
    const url = requestUrl(request);
    const reject = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (rawPath !== WEB_EVENTS_PATH) return reject('404 Not Found');
    const auth = authorize(request, url, token, true);
    if (!auth.ok) return reject('401 Unauthorized');
    if (!allowedHosts.has(request.headers.host ?? '') || !originAllowed(request.headers.origin)) {
      return reject('403 Forbidden');
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      answerCalls(ws, workstation.dispatch, !auth.viaQuery);
      sockets.emit('connection', ws, request);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`]);
  const origin = host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;

  let closing: Promise<void> | null = null;
  closeHost = () => {
    closing ??= (async () => {
      stopForwarding();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      workstation.close();
    })();
    return closing;
  };

  return { url: `${origin}/`, token, workstation, close: closeHost };
}

/** Prefixing keeps odd request targets (`//x`, `*`) from throwing or being read as another host. */
const requestUrl = (request: IncomingMessage): URL => {
  const target = request.url ?? '/';
  return new URL(`http://127.0.0.1${target.startsWith('/') ? target : '/'}`);
};

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
