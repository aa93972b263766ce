import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { mediaResponse } from '../services/media/media-response';
import { CONTENT_SECURITY_POLICY } from '../web/csp';
import { APP_SCHEME, MEDIA_SCHEME } from './origins';

/** Must run before app 'ready'. media:// streams (Range) and both are secure so the renderer needs no file://. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Adapters only: path containment, Range and headers live in electron/services/media (unit-tested). */
export function handleProtocols(rendererDir: string, mediaRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const path = new URL(request.url).pathname.replace(/^\/+/, '') || 'index.html';
    const answer = mediaResponse(rendererDir, path, undefined);
    return toResponse(answer.status, { ...answer.headers, 'Content-Security-Policy': CONTENT_SECURITY_POLICY }, answer.body);
  });
  protocol.handle(MEDIA_SCHEME, (request) => {
    const path = new URL(request.url).pathname.replace(/^\/+/, '');
    const method = request.method === 'HEAD' ? 'HEAD' : 'GET';
    const answer = mediaResponse(mediaRoot, path, request.headers.get('range') ?? undefined, method);
    return toResponse(answer.status, answer.headers, answer.body);
  });
}

function toResponse(status: number, headers: Record<string, string>, body: Readable | null): Response {
  const stream = body ? (Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>) : null;
  return new Response(stream, { status, headers });
}
