import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request:
 * - pass: forward untouched (optionally after `delayMs`)
 * - reset: destroy the client connection before forwarding (the registry never sees it)
 * - dropResponse: forward, let the registry commit, then destroy the client connection instead of answering
 * - status500: answer 500 with an HTML page (what a broken gateway says), without forwarding
 * - truncate: forward, then send the headers and only part of the body before destroying the connection
 * - html: answer 200 text/html garbage without forwarding
 * - cutAt: forward, stream `bytes` body bytes, then destroy (a mid-download interruption)
 * - flipBit: forward, flip one bit at body offset `at` (a corrupting middlebox)
 * - shuffleResults / duplicateResults: forward, then reorder or repeat the `results` of a JSON push answer
 * - answer: reply with exactly this status, content type and body, without forwarding (a scripted registry or stranger)
 */
export type Fault =
  | { kind: 'pass'; delayMs?: number }
  | { kind: 'reset' }
  | { kind: 'dropResponse' }
  | { kind: 'status500' }
  | { kind: 'truncate' }
  | { kind: 'html' }
  | { kind: 'cutAt'; bytes: number }
  | { kind: 'flipBit'; at: number }
  | { kind: 'shuffleResults' }
  | { kind: 'duplicateResults' }
  | { kind: 'answer'; status: number; contentType: string; body: string };

export interface FaultProxy {
  url: string;
  requests: { method: string; path: string; range: string | undefined; fault: Fault['kind'] }[];
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string, choose: (req: IncomingMessage, index: number) => Fault): Promise<FaultProxy> {
  const target = new URL(upstream);
  const requests: FaultProxy['requests'] = [];
  let index = 0;
  const server: Server = createServer((req, res) => {
    const fault = choose(req, index);
    index += 1;
    requests.push({ method: req.method ?? '', path: req.url ?? '', range: req.headers.range, fault: fault.kind });
    void handle(req, res, fault);
  });
  // Keep-alive sockets from fetch would otherwise hold close() open.
  server.keepAliveTimeout = 1000;

  async function handle(req: IncomingMessage, res: ServerResponse, fault: Fault): Promise<void> {
    if (fault.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'status500') {
      req.resume();
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    if (fault.kind === 'html') {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>captive portal</title>');
      return;
    }
    if (fault.kind === 'answer') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': fault.contentType }).end(fault.body);
      return;
    }
    if (fault.kind === 'pass' && fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const upstreamReq = httpRequest({
      host: target.hostname, port: target.port, method: req.method, path: req.url,
      headers: { ...req.headers, host: target.host },
    }, (upstreamRes) => {
      if (fault.kind === 'dropResponse') {
        // Let the registry finish (and commit) the request, then vanish without a word.
        upstreamRes.resume();
        upstreamRes.on('end', () => req.socket.destroy());
        return;
      }
      if (fault.kind === 'shuffleResults' || fault.kind === 'duplicateResults') {
        const chunks: Buffer[] = [];
        upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstreamRes.on('end', () => {
          let body = Buffer.concat(chunks);
          try {
            const json = JSON.parse(body.toString('utf8')) as { results?: unknown[] };
            if (Array.isArray(json.results)) {
              json.results = fault.kind === 'shuffleResults' ? [...json.results].reverse() : [...json.results, ...json.results];
              body = Buffer.from(JSON.stringify(json));
            }
          } catch {
            // not JSON: pass it on unchanged
          }
          res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, 'content-length': String(body.length) });
          res.end(body);
        });
        return;
      }
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      if (fault.kind === 'pass') {
        upstreamRes.pipe(res);
        return;
      }
      let sent = 0;
      const length = Number(upstreamRes.headers['content-length'] ?? 0);
      const cut = fault.kind === 'truncate' ? Math.floor(length / 2) : fault.kind === 'cutAt' ? fault.bytes : Number.POSITIVE_INFINITY;
      upstreamRes.on('data', (chunk: Buffer) => {
        if (sent >= cut) return;
        let piece = chunk.subarray(0, Math.max(0, Math.min(chunk.length, cut - sent)));
        if (fault.kind === 'flipBit' && fault.at >= sent && fault.at < sent + piece.length) {
          piece = Buffer.from(piece);
          piece[fault.at - sent]! ^= 0x10;
        }
        sent += piece.length;
        res.write(piece);
        if (sent >= cut) {
          upstreamRes.destroy();
          res.socket?.destroy();
        }
      });
      upstreamRes.on('end', () => res.end());
      upstreamRes.on('error', () => res.socket?.destroy());
    });
    upstreamReq.on('error', () => req.socket.destroy());
    req.pipe(upstreamReq);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
