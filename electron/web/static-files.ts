import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { contentTypeFor } from '../services/media/content-type';
import { resolveMediaPath } from '../services/media/resolve-media-path';
import { SECURITY_HEADERS } from './csp';

/**
 * The built renderer (out/renderer). Paths go through the same containment rules as media; a path without a file
 * extension that names no file is a client-side route and gets index.html (SPA fallback).
 */
export function serveStatic(
  rendererDir: string,
  pathname: string,
  response: ServerResponse,
  extraHeaders: Record<string, string>,
): void {
  const index = join(rendererDir, 'index.html');
  if (!existsSync(index)) {
    response.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`renderer not built: ${index} is missing (run npx electron-vite build)\n`);
    return;
  }
  const relative = pathname.replace(/^\/+/, '');
  const resolved = relative === '' ? null : resolveMediaPath(rendererDir, relative);
  if (resolved?.ok) {
    send(response, resolved.file, extraHeaders);
    return;
  }
  const lastSegment = relative.split('/').at(-1) ?? '';
  if (resolved === null || (resolved.status === 404 && !lastSegment.includes('.'))) {
    send(response, index, extraHeaders);
    return;
  }
  response.writeHead(resolved.status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${resolved.status}\n`);
}

function send(response: ServerResponse, file: string, extraHeaders: Record<string, string>): void {
  const type = contentTypeFor(file);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': type,
    // Hashed asset names may be cached; the HTML must always be fresh so a rebuild is picked up.
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
  });
  pipeline(createReadStream(file), response, () => {});
}
