import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, type Result } from '../../shared/contract/result';
import type { Dispatch } from '../services/ipc/dispatcher';

export const RPC_BODY_LIMIT = 1024 * 1024;

/**
 * POST /rpc/<channel>: JSON body in, JSON Result out (200 for every Result, so the client has one parse path).
 * Only application/json is accepted, which a cross-site form cannot send without a CORS preflight we never grant.
 */
export async function handleRpc(
  request: IncomingMessage,
  response: ServerResponse,
  channel: string,
  dispatch: Dispatch,
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 405, validation('method must be POST'), { Allow: 'POST' });
    return;
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    sendJson(response, 415, validation('content-type must be application/json'));
    return;
  }
  const body = await readBody(request, RPC_BODY_LIMIT);
  if (body === 'too-large') {
    sendJson(response, 413, validation(`body larger than ${RPC_BODY_LIMIT} bytes`));
    request.resume();
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    sendJson(response, 200, validation('body is not valid JSON'));
    return;
  }
  sendJson(response, 200, await dispatch(channel, input, { transport: 'web' }));
}

const validation = (reason: string): Result<never> =>
  err({ code: 'VALIDATION', messageKey: 'errors.validation', details: { reason } });

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too-large');
      return;
    }
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}
