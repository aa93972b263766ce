import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestRejectionReason } from '../../../shared/domain/media/ingest-rejection';
import { cachedFrameStripVideo } from '../../../resources/video/frame-strip-video';
import { ingestVideo } from '../../../registry/media/ingest';
import { IngestRejection } from '../../../registry/media/ingest-errors';
import { VIDEO_CACHE } from './video-cache';

let work: string;
let counter = 0;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'osea-ingest-prop-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Ingests `bytes`; returns the rejection reason, after checking that nothing was left in the output folder. */
async function rejectionOf(bytes: Uint8Array): Promise<IngestRejectionReason | 'accepted' | 'other error'> {
  counter += 1;
  const input = join(work, `input-${counter}.mp4`);
  const outDir = join(work, `out-${counter}`);
  await writeFile(input, bytes);
  let outcome: IngestRejectionReason | 'accepted' | 'other error';
  try {
    await ingestVideo({ inputPath: input, outDir });
    outcome = 'accepted';
  } catch (error) {
    outcome = error instanceof IngestRejection ? error.reason : 'other error';
  }
  if (outcome !== 'accepted') expect(await readdir(outDir).catch(() => [])).toEqual([]);
  await rm(input, { force: true });
  await rm(outDir, { recursive: true, force: true });
  return outcome;
}

describe('ingest of damaged uploads (property)', () => {
  it('an mp4 cut anywhere is rejected as truncated, leaving nothing behind', async () => {
    const whole = await readFile((await cachedFrameStripVideo(VIDEO_CACHE, 'cfr30')).path);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 16, max: whole.length - 1 }), async (cut) => (await rejectionOf(whole.subarray(0, cut))) === 'truncated'),
      { numRuns: 12 },
    );
  }, 240_000);

  it('random bytes are refused with a reason, never accepted or crashing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), async (bytes) => {
        const outcome = await rejectionOf(bytes);
        return outcome === 'not_a_video' || outcome === 'truncated';
      }),
      { numRuns: 20 },
    );
  }, 240_000);
});
