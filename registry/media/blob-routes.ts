import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Sha256Hex } from '../../shared/domain/media/frame-table';
import { HttpError, notFound } from '../http/http-error';
import { typed } from '../http/route-table';
import type { BlobStore } from './blob-store';
import { parseByteRange } from './byte-range';
import type { MediaDb } from './media-tables';

/** larger than the 64 KiB default: video downloads are long sequential reads */
const STREAM_CHUNK = 1024 * 1024;

export const BlobParams = z.object({ sha256: Sha256Hex });

/** A blob's content never changes, so its sha256 is a strong validator: compared byte for byte, W/ never matches. */
const matchesEtag = (header: string | undefined, etag: string): boolean =>
  header !== undefined && header.split(',').some((candidate) => candidate.trim() === etag || candidate.trim() === '*');

/**
 * GET /v1/blobs/:sha256 — originals and review proxies, resumable (Range + If-Range, DESIGN §7): the workstation
 * downloads into a .part file and resumes with `Range: bytes=N-` + `If-Range: "sha256"`.
 */
export function registerBlobRoutes(app: FastifyInstance, deps: { db: MediaDb; blobs: BlobStore }): void {
  typed(app).route({
    method: 'GET',
    url: '/v1/blobs/:sha256',
    config: { access: 'authenticated' },
    schema: { params: BlobParams, tags: ['media'], summary: 'Download a stored blob by sha256 (Range, If-Range, strong ETag)' },
    handler: async (request, reply) => {
      const { sha256 } = request.params;
      const row = await deps.db.selectFrom('media_blobs').select(['content_type']).where('sha256', '=', sha256).executeTakeFirst();
      const size = row === undefined ? null : await deps.blobs.size(sha256);
      if (row === undefined || size === null) throw notFound('blob');

      const etag = `"${sha256}"`;
      reply
        .header('etag', etag)
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('content-type', row.content_type);
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();

      // If-Range with any other validator (or a date: we give no Last-Modified) means "send it all again"
      const ifRange = request.headers['if-range'];
      const range = ifRange === undefined || ifRange === etag ? parseByteRange(request.headers.range, size) : null;
      if (range === 'unsatisfiable') {
        reply.header('content-range', `bytes */${size}`);
        throw new HttpError(416, 'VALIDATION', `the range starts past the end of the ${size}-byte blob`, { field: 'headers.range' });
      }
      const path = deps.blobs.pathFor(sha256);
      if (range === null) {
        reply.header('content-length', String(size));
        return reply.code(200).send(createReadStream(path, { highWaterMark: STREAM_CHUNK }));
      }
      reply.header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', String(range.end - range.start + 1));
      return reply.code(206).send(createReadStream(path, { start: range.start, end: range.end, highWaterMark: STREAM_CHUNK }));
    },
  });
}
