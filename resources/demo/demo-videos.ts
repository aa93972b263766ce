/**
 * Demonstration videos for the demo submissions: generated with the frame-strip generator (each picture carries its
 * frame index, so the player can be checked from pixels), stored as uploaded originals and ingested by the
 * registry's own persisted ingest queue — so each leaves the blobs, job rows, proxy and frame table that a real tus
 * upload leaves (the queue stores frames.json as a blob too, and fills it into the submissions naming the original). At most two ffmpeg processes run at a time (2-core machines).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FrameTable } from '../../shared/domain/media/frame-table';
import { generateFrameStripVideo, type FrameStripProfile } from '../video/frame-strip-video';
import type { BlobStore } from '../../registry/media/blob-store';
import type { IngestQueue } from '../../registry/media/ingest-queue';
import { mediaDb } from '../../registry/media/media-tables';
import { sha256File } from '../../registry/media/sha256-file';
import type { RegistryDb } from '../../registry/db/connection';

/** ffmpeg processes at once while generating; the registry's queue is given the same bound (ensure-demo-dataset.ts). */
export const MAX_FFMPEG_AT_ONCE = 2;

/** A mix of what phones and cameras deliver; HEVC is rarer (and slower to make). */
const PROFILE_CYCLE: readonly FrameStripProfile[] = ['cfr30', 'ntsc-bframes', 'vfr', 'rotated90', 'cfr30', 'ntsc-bframes', 'hevc-aac', 'vfr'];

export interface PlannedVideo {
  name: string;
  profile: FrameStripProfile;
  seconds: number;
}

/**
 * Lengths 4.0 s, 4.08 s, … step by more than one frame, so no two videos are alike and every original has its own
 * sha256 (two submissions never share a blob).
 */
export function planDemoVideos(count: number): PlannedVideo[] {
  return Array.from({ length: count }, (_, index) => {
    const profile = PROFILE_CYCLE[index % PROFILE_CYCLE.length] as FrameStripProfile;
    const seconds = Math.round((4 + 0.08 * index) * 100) / 100;
    return { name: `demo-${String(index + 1).padStart(2, '0')}-${profile}`, profile, seconds };
  });
}

export interface IngestedVideo {
  originalSha256: string;
  proxySha256: string;
  frameTableSha256: string;
  frameCount: number;
}

async function mapAtMost<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface DemoVideoOptions {
  db: RegistryDb;
  /** the registry's own blob store and ingest queue (registry/media/routes.ts) */
  blobs: BlobStore;
  queue: IngestQueue;
  /** scratch space for the generated files before they enter the store */
  scratchDir: string;
  /** the account the originals are recorded as uploaded by */
  uploadedBy: string;
  now: () => Date;
  progress: (line: string) => void;
}

export async function generateAndIngestDemoVideos(plan: readonly PlannedVideo[], options: DemoVideoOptions): Promise<IngestedVideo[]> {
  const { db, blobs, queue, now, progress } = options;
  const media = mediaDb(db);
  const scratch = options.scratchDir;
  await mkdir(scratch, { recursive: true });
  try {
    let made = 0;
    const originals = await mapAtMost(plan, MAX_FFMPEG_AT_ONCE, async (video) => {
      const generated = await generateFrameStripVideo({ profile: video.profile, outPath: join(scratch, `${video.name}.mp4`), seconds: video.seconds });
      made += 1;
      if (made % 4 === 0 || made === plan.length) progress(`demo: generated ${made}/${plan.length} videos`);
      return generated.path;
    });

    // The originals enter the store as an upload does: hashed, moved in by content address, recorded as 'upload'.
    const shas: string[] = [];
    for (const path of originals) {
      const sha256 = await sha256File(path);
      if (shas.includes(sha256)) throw new Error(`demo: two generated videos are identical (${sha256}); the plan must make each distinct`);
      shas.push(sha256);
      await blobs.adopt(path, sha256);
      await media.insertInto('media_blobs')
        .values({ sha256, size_bytes: (await blobs.size(sha256)) ?? 0, content_type: 'video/mp4', origin: 'upload', uploaded_by: options.uploadedBy, created_at: now().toISOString() })
        .onConflict((conflict) => conflict.column('sha256').doNothing())
        .execute();
    }
    for (const sha256 of shas) await queue.enqueue(sha256);
    progress(`demo: ingesting ${shas.length} videos with the registry's ingest queue (review proxy + frame table)`);

    // Poll the job rows rather than trusting one queue's idea of idle: another registry on the same database may hold a job.
    for (;;) {
      const rows = await media.selectFrom('ingest_jobs').select(['source_sha256', 'state']).where('source_sha256', 'in', shas).execute();
      const open = rows.filter((row) => row.state === 'queued' || row.state === 'running').length;
      if (rows.length === shas.length && open === 0) break;
      await sleep(200);
    }

    const results: IngestedVideo[] = [];
    for (const originalSha256 of shas) {
      const job = await media.selectFrom('ingest_jobs').selectAll().where('source_sha256', '=', originalSha256).executeTakeFirstOrThrow();
      if (job.state !== 'done' || job.frame_table === null || job.proxy_sha256 === null || job.frame_table_sha256 === null) {
        throw new Error(`demo: ingest of a generated video ended ${job.state} (${job.reason ?? ''}: ${job.detail ?? ''})`);
      }
      // the queue stored frames.json as a blob next to the proxy: what a submission names as its frame table
      const table = FrameTable.parse(JSON.parse(job.frame_table));
      results.push({ originalSha256, proxySha256: job.proxy_sha256, frameTableSha256: job.frame_table_sha256, frameCount: table.frameCount });
    }
    return results;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
