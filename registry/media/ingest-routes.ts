import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FrameTable, Sha256Hex } from '../../shared/domain/media/frame-table';
import { IngestJobView } from '../../shared/domain/media/ingest-job';
import { notFound } from '../http/http-error';
import { typed } from '../http/route-table';
import type { IngestQueue } from './ingest-queue';
import type { IngestJobsTable, MediaDb } from './media-tables';

const Params = z.object({ sha256: Sha256Hex });

function view(row: IngestJobsTable): IngestJobView {
  return IngestJobView.parse({
    sourceSha256: row.source_sha256,
    state: row.state,
    attempts: row.attempts,
    reason: row.reason,
    detail: row.detail,
    proxySha256: row.proxy_sha256,
    frameTable: row.frame_table === null ? null : FrameTable.parse(JSON.parse(row.frame_table)),
  });
}

/** GET /v1/media/:sha256 — the ingest state of an uploaded original, with its proxy and frame table once done. */
export function registerIngestRoutes(app: FastifyInstance, deps: { db: MediaDb; queue: IngestQueue }): void {
  const load = async (sha256: string): Promise<IngestJobsTable> => {
    const row = await deps.db.selectFrom('ingest_jobs').selectAll().where('source_sha256', '=', sha256).executeTakeFirst();
    if (row === undefined) throw notFound('ingest job');
    return row;
  };
  typed(app).route({
    method: 'GET',
    url: '/v1/media/:sha256',
    config: { access: 'authenticated' },
    schema: { params: Params, response: { 200: IngestJobView }, tags: ['media'], summary: 'Ingest state, proxy and frame table of an uploaded video' },
    handler: async (request) => view(await load(request.params.sha256)),
  });
  typed(app).route({
    method: 'POST',
    url: '/v1/media/:sha256/ingest',
    config: { access: ['coordinator', 'admin'] },
    schema: { params: Params, response: { 202: IngestJobView }, tags: ['media'], summary: 'Queue (again) the ingest of an uploaded video' },
    handler: async (request, reply) => {
      const stored = await deps.db.selectFrom('media_blobs').select('sha256').where('sha256', '=', request.params.sha256).where('origin', '=', 'upload').executeTakeFirst();
      if (stored === undefined) throw notFound('uploaded blob');
      await deps.queue.enqueue(request.params.sha256);
      return reply.code(202).send(view(await load(request.params.sha256)));
    },
  });
}
