/**
 * Ingest speed at 1080p (issue 3): source seconds ingested per wall-clock second, for the whole pipeline
 * (probe, decode the source, make the proxy, decode and verify the proxy, hash both). Higher is better.
 *
 * Measured twice: the ingest function alone (no database: the ffmpeg pipeline's own speed), then through the
 * registry's persisted ingest queue on SQLite and PostgreSQL (OSEA_BENCH_DIALECTS), as an upload is ingested: the job
 * is claimed, the proxy and frames.json join the blob store, media_blobs and the job row are written in the settling
 * transaction. The database work is a handful of rows per job, so the dialects should agree; the figures show it.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedFrameStripVideo } from '../../resources/video/frame-strip-video';
import { ingestVideo } from '../../registry/media/ingest';
import { mediaDb } from '../../registry/media/media-tables';
import { sha256File } from '../../registry/media/sha256-file';
import { emit, median, timeMs } from './figures';
import { benchDialects, startBenchRegistry } from './registry-bench-world';

const SECONDS = 6;
const RUNS = 3;

const cache = join(process.cwd(), 'test-results', 'video-cache');
const video = await cachedFrameStripVideo(cache, 'hd1080', SECONDS);
const sourceSeconds = video.frameCount / 30;
const work = await mkdtemp(join(tmpdir(), 'osea-ingest-bench-'));
try {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    samples.push(await timeMs(() => ingestVideo({ inputPath: video.path, outDir: join(work, String(run)) })));
  }
  const wallSeconds = median(samples) / 1000;
  emit('media ingest 1080p speed', sourceSeconds / wallSeconds, 'source-s/s', { frames: video.frameCount, runs: RUNS, loadavg: loadavg()[0] });
  emit('media ingest 1080p frames per second', video.frameCount / wallSeconds, 'frames/s');
} finally {
  await rm(work, { recursive: true, force: true });
}

for (const dialect of benchDialects()) {
  const registry = await startBenchRegistry(dialect); // listening: the queue has started
  try {
    const { blobs, queue } = registry.app.media;
    const db = mediaDb(registry.app.registry.db);
    // the original enters the store as a tus upload leaves it (adopt moves the file, so a copy of the cached clip)
    const upload = join(registry.dataDir, 'upload.mp4');
    await copyFile(video.path, upload);
    const sha256 = await sha256File(upload);
    await blobs.adopt(upload, sha256);
    await db
      .insertInto('media_blobs')
      .values({ sha256, size_bytes: (await blobs.size(sha256)) ?? 0, content_type: 'video/mp4', origin: 'upload', uploaded_by: null, created_at: new Date().toISOString() })
      .execute();

    const throughQueue = async (): Promise<void> => {
      await queue.enqueue(sha256);
      await queue.whenIdle();
      const job = await db.selectFrom('ingest_jobs').select(['state', 'reason', 'detail']).where('source_sha256', '=', sha256).executeTakeFirstOrThrow();
      if (job.state !== 'done') throw new Error(`${dialect}: ingest job ended ${job.state} (${job.reason ?? ''}: ${job.detail ?? ''})`);
    };
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // a done job is never redone: drop its row so the next enqueue ingests the same upload again from scratch
      await db.deleteFrom('ingest_jobs').where('source_sha256', '=', sha256).execute();
      samples.push(await timeMs(throughQueue));
    }
    const wallSeconds = median(samples) / 1000;
    emit(`media.ingest.queue_1080p.source_s_per_s.${dialect}`, sourceSeconds / wallSeconds, 'source-s/s', { frames: video.frameCount, runs: RUNS, loadavg: loadavg()[0] });
  } finally {
    await registry.close();
  }
}
