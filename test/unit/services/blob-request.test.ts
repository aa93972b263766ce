import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { requestBlob, UnreadableResponseError } from '../../../electron/services/media-cache/blob-request';

/** A raw TCP server that answers each connection with `answer` (writes, pauses, closes), and records the request. */
type Answer = (socket: Socket, request: string) => void | Promise<void>;
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function rawServer(answer: Answer): Promise<{ url: URL; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((socket) => {
    let text = '';
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      requests.push(text);
      void answer(socket, text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/blobs/x`), requests };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const collect = async (url: URL, headers: Record<string, string> = {}, idleTimeoutMs = 2_000) => {
  const response = await requestBlob(url, { headers, idleTimeoutMs });
  const chunks: Buffer[] = [];
  await response.readBody((chunk) => chunks.push(Buffer.from(chunk)));
  return { head: response.head, body: Buffer.concat(chunks) };
};

describe('requestBlob', () => {
  it('sends a GET with our headers and Connection: close; reads a head and body split anywhere across packets', async () => {
    const body = Buffer.from('0123456789'.repeat(5000));
    const wire = Buffer.concat([Buffer.from(`HTTP/1.1 206 Partial Content\r\nContent-Length: ${body.length}\r\nContent-Range: bytes 7-50006/50007\r\n\r\n`), body]);
    const cuts = [0, 5, 17, 40, 90, 3000, wire.length]; // inside the status line, a header, the blank line, the body
    const { url, requests } = await rawServer(async (socket) => {
      for (let i = 1; i < cuts.length; i += 1) {
        socket.write(wire.subarray(cuts[i - 1], cuts[i]));
        await pause(5);
      }
    });
    const got = await collect(url, { Range: 'bytes=7-', Authorization: 'Bearer t' });
    expect(got.head.status).toBe(206);
    expect(got.head.headers.get('content-range')).toBe('bytes 7-50006/50007');
    expect(got.body.equals(body)).toBe(true);
    expect(requests[0]).toMatch(/^GET \/v1\/blobs\/x HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nConnection: close\r\nRange: bytes=7-\r\nAuthorization: Bearer t\r\n\r\n$/);
  });

  it('hands the body over only once asked, and stops at Content-Length', async () => {
    const { url } = await rawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabcdEXTRA');
    });
    const response = await requestBlob(url, { headers: {}, idleTimeoutMs: 2_000 });
    await pause(30); // the body is held meanwhile, not lost
    const chunks: string[] = [];
    await response.readBody((chunk) => chunks.push(chunk.toString()));
    expect(chunks.join('')).toBe('abcd');
  });

  it('rejects a body cut short, saying how much was missing, after handing over what came', async () => {
    const { url } = await rawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-this');
    });
    const response = await requestBlob(url, { headers: {}, idleTimeoutMs: 2_000 });
    let got = '';
    await expect(response.readBody((chunk) => (got += chunk.toString()))).rejects.toThrow(/91 body bytes to come/);
    expect(got).toBe('only-this');
  });

  it('refuses garbage, an HTML page and an endless head as unreadable responses', async () => {
    for (const reply of ['<html><body>proxy login</body></html>\r\n\r\n', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n', `HTTP/1.1 200 OK\r\nX: ${'a'.repeat(70_000)}`]) {
      const { url } = await rawServer((socket) => {
        socket.end(reply);
      });
      await expect(requestBlob(url, { headers: {}, idleTimeoutMs: 2_000 })).rejects.toBeInstanceOf(UnreadableResponseError);
    }
  });

  it('fails on an idle connection, on a refused one, on abort, and when the sink throws', async () => {
    const silent = await rawServer(() => undefined);
    await expect(requestBlob(silent.url, { headers: {}, idleTimeoutMs: 100 })).rejects.toThrow(/idle timeout/);

    // port 1 on loopback: nothing listens there
    await expect(requestBlob(new URL('http://127.0.0.1:1/x'), { headers: {}, idleTimeoutMs: 1_000 })).rejects.toThrow(/ECONNREFUSED/);

    const slow = await rawServer(async (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab');
      await pause(2_000);
      socket.end();
    });
    const abort = new AbortController();
    const response = await requestBlob(slow.url, { headers: {}, idleTimeoutMs: 5_000, signal: abort.signal });
    const reading = response.readBody(() => undefined);
    abort.abort();
    await expect(reading).rejects.toThrow(/aborted/);

    const ok = await rawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc');
    });
    const refused = await requestBlob(ok.url, { headers: {}, idleTimeoutMs: 1_000 });
    await expect(refused.readBody(() => {
      throw new Error('disk full');
    })).rejects.toThrow(/disk full/);
  });

  it('refuses a header value with a line break (no header injection)', async () => {
    const { url } = await rawServer(() => undefined);
    await expect(requestBlob(url, { headers: { Authorization: 'Bearer a\r\nX-Evil: 1' }, idleTimeoutMs: 500 })).rejects.toThrow(/line break/);
  });

  it('speaks HTTPS, checking the server certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osea-tls-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const server = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => server.close());
    const url = new URL(`https://localhost:${(server.address() as AddressInfo).port}/b`);
    const response = await requestBlob(url, { headers: {}, idleTimeoutMs: 2_000, ca: cert });
    let body = '';
    await response.readBody((chunk) => (body += chunk.toString()));
    expect(body).toBe('secret');
    // without the certificate trusted, the connection is refused before a byte is sent
    await expect(requestBlob(url, { headers: {}, idleTimeoutMs: 2_000 })).rejects.toThrow(/self.signed|certificate/i);
  });
});
