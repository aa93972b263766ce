import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameTable } from '../../../shared/domain/media/frame-table';
import { cachedFrameStripVideo } from '../../../resources/video/frame-strip-video';
import { VIDEO_CACHE } from './video-cache';

/** `npm run media:ingest -- INPUT OUTDIR` as DESIGN §12 promises it (the script runs this file with tsx). */
function ingestCli(...args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'registry/media/ingest-cli.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

describe('media:ingest CLI', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'osea-ingest-cli-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes OUTDIR/proxy.mp4 and OUTDIR/frames.json', async () => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'vfr');
    const outDir = join(work, 'out');
    const run = ingestCli(video.path, outDir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, frameCount: video.frameCount });
    expect((await readdir(outDir)).sort()).toEqual(['frames.json', 'proxy.mp4']);
    const table = FrameTable.parse(JSON.parse(await readFile(join(outDir, 'frames.json'), 'utf8')));
    expect(table.frameCount).toBe(video.frameCount);
  }, 120_000);

  it('prints the rejection reason, exits 2 and leaves OUTDIR empty', async () => {
    const input = join(work, 'letter.mp4');
    await writeFile(input, 'Dear committee,\n');
    const outDir = join(work, 'rejected');
    const run = ingestCli(input, outDir);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, reason: 'not_a_video' });
    expect(await readdir(outDir).catch(() => [])).toEqual([]);
  });

  it('exits 64 with usage on wrong arguments', () => {
    expect(ingestCli().status).toBe(64);
    expect(ingestCli('a', 'b', '--max-duration', '-1').status).toBe(64);
  });
});
