/**
 * The registry's media module (DESIGN §7, §8): tus uploads, blob downloads with Range, and the persisted ingest
 * queue that turns uploaded videos into review proxies with frame tables. server.ts calls registerMediaRoutes.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../context';
import type { RegistryDb } from '../db/connection';
import { applyIngestOutcome } from '../review/submission-media';
import { BlobStore } from './blob-store';
import { registerBlobRoutes } from './blob-routes';
import { defaultIngestConcurrency, IngestQueue } from './ingest-queue';
import { registerIngestRoutes } from './ingest-routes';
import { IngestLimits } from './limits';
import { mediaDb } from './media-tables';
import { registerUploadRoutes } from './upload-routes';

export interface MediaModule {
  blobs: BlobStore;
  queue: IngestQueue;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** submissions and the demo generator queue ingests and look up blobs through this */
    media: MediaModule;
  }
}

/** Operators tune these without code: OSEA_INGEST_CONCURRENCY (default 1 per 2 cores), OSEA_MEDIA_MAX_UPLOAD_BYTES. */
function positiveIntegerFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

export async function registerMediaRoutes(app: FastifyInstance, context: RegistryContext): Promise<void> {
  const root = join(context.config.dataDir, 'media');
  const db = mediaDb(context.db);
  const blobs = new BlobStore(join(root, 'blobs'));
  const maxUploadBytes = positiveIntegerFromEnv('OSEA_MEDIA_MAX_UPLOAD_BYTES') ?? IngestLimits.parse({}).maxBytes;
  const queue = new IngestQueue({
    db,
    blobs,
    workDir: join(root, 'ingest'),
    concurrency: positiveIntegerFromEnv('OSEA_INGEST_CONCURRENCY') ?? defaultIngestConcurrency(),
    limits: { maxBytes: maxUploadBytes },
    now: context.now,
    log: app.log,
    // MediaDb is a narrower view of the same connection (media-tables.ts): the transaction is the registry's own
    onSettled: (trx, outcome) => applyIngestOutcome(trx as unknown as RegistryDb, context, outcome),
  });

  const tus = registerUploadRoutes(app, { db, blobs, queue, uploadDir: join(root, 'uploads'), maxUploadBytes, now: context.now });
  const sweep = setInterval(() => {
    tus.cleanUpExpiredUploads().catch((error: unknown) => app.log.error({ err: error }, 'sweeping expired uploads failed'));
  }, 60 * 60 * 1000);
  sweep.unref();
  registerBlobRoutes(app, { db, blobs });
  registerIngestRoutes(app, { db, queue });
  app.decorate('media', { blobs, queue });

  // stop ffmpeg before the database closes; interrupted jobs are queued again at the next start
  app.addHook('preClose', async () => {
    clearInterval(sweep);
    await queue.stop();
  });
  app.addHook('onReady', async () => {
    await queue.start();
  });
}
