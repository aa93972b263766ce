/**
 * Ingest speed at 1080p (issue 3): source seconds ingested per wall-clock second, for the whole pipeline
 * (probe, decode the source, make the proxy, decode and verify the proxy, hash both). Higher is better.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedFrameStripVideo } from '../../resources/video/frame-strip-video';
import { ingestVideo } from '../../registry/media/ingest';
import { emit, median, timeMs } from './figures';

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
  emit('media ingest 1080p speed', sourceSeconds / wallSeconds, 'source-s/s', { frames: video.frameCount, runs: RUNS });
  emit('media ingest 1080p frames per second', video.frameCount / wallSeconds, 'frames/s');
} finally {
  await rm(work, { recursive: true, force: true });
}
