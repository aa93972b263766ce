/**
 * The persisted ingest job queue. A job is one uploaded original (by sha256); its row says where it is:
 * queued → running → done | rejected (an IngestRejection reason, final) | failed (our fault; attempts counted).
 * Rows survive restarts: a job found `running` at start was interrupted and goes back to `queued`.
 * At most `concurrency` jobs run at once (ffmpeg already uses every core; default 1 per 2 cores).
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { FrameTable } from '../../shared/domain/media/frame-table';
import type { BlobStore } from './blob-store';
import type { IngestRejectionReason } from '../../shared/domain/media/ingest-rejection';
import { FRAME_TABLE_FILE, ingestVideo, PROXY_FILE, type IngestRequest } from './ingest';
import { IngestRejection } from './ingest-errors';
import type { IngestLimitsInput } from './limits';
import type { MediaDb } from './media-tables';
import { sha256File } from './sha256-file';

export type IngestJobState = 'queued' | 'running' | 'done' | 'rejected' | 'failed';

/** A job's final outcome, handed to `onSettled` in the transaction that records it. */
export type SettledIngest =
  | { state: 'done'; sourceSha256: string; proxySha256: string; frameTableSha256: string }
  | { state: 'rejected'; sourceSha256: string; reason: IngestRejectionReason; detail: string };

export const FRAME_TABLE_CONTENT_TYPE = 'application/json';

export interface IngestQueueOptions {
  db: MediaDb;
  blobs: BlobStore;
  /** scratch space for ingest output before the proxy joins the blob store */
  workDir: string;
  concurrency?: number;
  limits?: IngestLimitsInput;
  now: () => Date;
  log: { info(object: object, message: string): void; error(object: object, message: string): void };
  /** the ingest itself; tests of the queue pass the real one */
  ingest?: (request: IngestRequest) => Promise<FrameTable>;
  /**
   * Runs in the same transaction as the job's final row, so the submissions naming the original learn the outcome
   * exactly when the job does (a crash between the two cannot happen). `failed` jobs are retried and settle nothing.
   */
  onSettled?: (trx: MediaDb, outcome: SettledIngest) => Promise<void>;
}

export const defaultIngestConcurrency = (): number => Math.max(1, Math.floor(cpus().length / 2));

export class IngestQueue {
  private readonly concurrency: number;
  private readonly ingest: (request: IngestRequest) => Promise<FrameTable>;
  private readonly running = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private started = false;
  private pumping = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: IngestQueueOptions) {
    this.concurrency = options.concurrency ?? defaultIngestConcurrency();
    this.ingest = options.ingest ?? ingestVideo;
  }

  /** Puts interrupted jobs back in the queue, then starts working. */
  async start(): Promise<void> {
    const { db, now } = this.options;
    // whatever an interrupted run left in the scratch folder is incomplete by definition
    await rm(this.options.workDir, { recursive: true, force: true });
    const recovered = await db
      .updateTable('ingest_jobs')
      .set({ state: 'queued', updated_at: now().toISOString() })
      .where('state', '=', 'running')
      .executeTakeFirst();
    if (Number(recovered.numUpdatedRows) > 0) {
      this.options.log.info({ jobs: Number(recovered.numUpdatedRows) }, 'ingest jobs interrupted by a restart are queued again');
    }
    this.started = true;
    void this.pump();
  }

  /** Queues an ingest of a stored original; a job that exists already is left as it is unless it failed. */
  async enqueue(sourceSha256: string): Promise<void> {
    const { db, now } = this.options;
    const at = now().toISOString();
    await db
      .insertInto('ingest_jobs')
      .values({ source_sha256: sourceSha256, state: 'queued', attempts: 0, reason: null, detail: null, proxy_sha256: null, frame_table: null, frame_table_sha256: null, queued_at: at, updated_at: at })
      .onConflict((conflict) =>
        conflict.column('source_sha256').doUpdateSet({ state: 'queued', updated_at: at }).where('ingest_jobs.state', '=', 'failed'),
      )
      .execute();
    void this.pump();
  }

  /** Resolves when nothing is queued or running (tests, demo generation). */
  async whenIdle(): Promise<void> {
    if (await this.isIdle()) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking jobs and kills running ffmpeg processes; their rows stay `running` and are recovered at start. */
  async stop(): Promise<void> {
    this.started = false;
    this.abort.abort(new Error('registry shutting down'));
    await Promise.allSettled([...this.running.values()]);
  }

  private async isIdle(): Promise<boolean> {
    // a job being claimed is already `running` in the table but not yet in the map
    if (this.running.size > 0 || this.pumping) return false;
    const next = await this.options.db.selectFrom('ingest_jobs').select('source_sha256').where('state', '=', 'queued').limit(1).executeTakeFirst();
    return next === undefined;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.started && this.running.size < this.concurrency) {
        const claimed = await this.claimNext();
        if (claimed === null) break;
        const work = this.run(claimed).finally(() => {
          this.running.delete(claimed);
          void this.pump();
        });
        this.running.set(claimed, work);
      }
    } finally {
      this.pumping = false;
    }
    if (this.idleWaiters.length > 0 && (await this.isIdle())) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** Oldest queued job, claimed with a conditional update so two pumps (or registries) never take the same one. */
  private async claimNext(): Promise<string | null> {
    const { db, now } = this.options;
    for (;;) {
      const next = await db
        .selectFrom('ingest_jobs')
        .select(['source_sha256', 'attempts'])
        .where('state', '=', 'queued')
        .orderBy('queued_at')
        .orderBy('source_sha256')
        .limit(1)
        .executeTakeFirst();
      if (next === undefined) return null;
      const claimed = await db
        .updateTable('ingest_jobs')
        .set({ state: 'running', attempts: next.attempts + 1, updated_at: now().toISOString() })
        .where('source_sha256', '=', next.source_sha256)
        .where('state', '=', 'queued')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) return next.source_sha256;
    }
  }

  private async run(sourceSha256: string): Promise<void> {
    const { db, blobs, now, log } = this.options;
    const outDir = join(this.options.workDir, sourceSha256);
    type JobValues = { state: IngestJobState; reason?: string | null; detail?: string | null; proxy_sha256?: string | null; frame_table?: string | null; frame_table_sha256?: string | null };
    const write = (trx: MediaDb, values: JobValues) =>
      trx.updateTable('ingest_jobs').set({ ...values, updated_at: now().toISOString() }).where('source_sha256', '=', sourceSha256).execute();
    const settle = (values: JobValues, outcome: SettledIngest) =>
      db.transaction().execute(async (trx) => {
        await write(trx, values);
        await this.options.onSettled?.(trx, outcome);
      });
    const fail = async (error: unknown) => {
      await write(db, { state: 'failed', reason: 'internal', detail: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' });
      log.error({ err: error }, 'ingest failed');
    };
    try {
      const table = await this.ingest({
        inputPath: blobs.pathFor(sourceSha256),
        outDir,
        signal: this.abort.signal,
        ...(this.options.limits ? { limits: this.options.limits } : {}),
      });
      const proxySize = await blobs.adopt(join(outDir, PROXY_FILE), table.proxySha256).then(() => blobs.size(table.proxySha256));
      // frames.json exactly as ingest wrote it, by content address: what a submission names as its frame table
      const framesPath = join(outDir, FRAME_TABLE_FILE);
      const frameTableSha256 = await sha256File(framesPath);
      await blobs.adopt(framesPath, frameTableSha256);
      const framesSize = await blobs.size(frameTableSha256);
      const at = now().toISOString();
      await db
        .insertInto('media_blobs')
        .values([
          { sha256: table.proxySha256, size_bytes: proxySize ?? 0, content_type: 'video/mp4', origin: 'proxy', uploaded_by: null, created_at: at },
          { sha256: frameTableSha256, size_bytes: framesSize ?? 0, content_type: FRAME_TABLE_CONTENT_TYPE, origin: 'frame_table', uploaded_by: null, created_at: at },
        ])
        .onConflict((conflict) => conflict.column('sha256').doNothing())
        .execute();
      await settle(
        { state: 'done', reason: null, detail: null, proxy_sha256: table.proxySha256, frame_table: JSON.stringify(table), frame_table_sha256: frameTableSha256 },
        { state: 'done', sourceSha256, proxySha256: table.proxySha256, frameTableSha256 },
      );
      log.info({ frames: table.frameCount }, 'ingest done');
    } catch (error) {
      if (this.abort.signal.aborted) return; // stays `running`; start() queues it again
      try {
        if (error instanceof IngestRejection) {
          await settle({ state: 'rejected', reason: error.reason, detail: error.detail }, { state: 'rejected', sourceSha256, reason: error.reason, detail: error.detail });
          log.info({ reason: error.reason }, 'ingest rejected the upload');
        } else {
          await fail(error);
        }
      } catch (recordError) {
        // recording the outcome failed (storage): `failed` is retried by a new upload or POST …/ingest
        await fail(recordError).catch((last: unknown) => log.error({ err: last }, 'ingest outcome could not be recorded'));
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }
}
