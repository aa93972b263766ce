import { createReadStream, type ReadStream } from 'node:fs';
import { contentTypeFor } from './content-type';
import { parseRange } from './range';
import { resolveMediaPath } from './resolve-media-path';

export interface MediaResponse {
  status: 200 | 206 | 400 | 403 | 404 | 416;
  headers: Record<string, string>;
  /** A byte stream of the answered range, or null for errors and HEAD. */
  body: ReadStream | null;
}

/**
 * The whole media answer, transport-free: Electron's media:// handler and the web host's /media/ route both
 * turn this into their own response type.
 */
export function mediaResponse(
  root: string,
  encodedPath: string,
  rangeHeader: string | undefined,
  method: 'GET' | 'HEAD' = 'GET',
): MediaResponse {
  const resolved = resolveMediaPath(root, encodedPath);
  if (!resolved.ok) {
    return { status: resolved.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: null };
  }
  const common = {
    'Accept-Ranges': 'bytes',
    'Content-Type': contentTypeFor(resolved.file),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const range = parseRange(rangeHeader, resolved.size);
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${resolved.size}` }, body: null };
  }
  if (range.kind === 'full') {
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(resolved.size) },
      body: method === 'HEAD' ? null : createReadStream(resolved.file),
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Range': `bytes ${range.start}-${range.end}/${resolved.size}`,
      'Content-Length': String(range.end - range.start + 1),
    },
    body: method === 'HEAD' ? null : createReadStream(resolved.file, { start: range.start, end: range.end }),
  };
}
