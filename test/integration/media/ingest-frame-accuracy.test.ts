import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameTable } from '../../../shared/domain/media/frame-table';
import type { IngestRejectionReason } from '../../../shared/domain/media/ingest-rejection';
import { cachedFrameStripVideo, FRAME_STRIP_PROFILES } from '../../../resources/video/frame-strip-video';
import { readFrameIndexes } from '../../../resources/video/read-frame-index';
import { ingestVideo } from '../../../registry/media/ingest';
import { IngestRejection } from '../../../registry/media/ingest-errors';
import type { IngestLimitsInput } from '../../../registry/media/limits';
import { sha256File } from '../../../registry/media/sha256-file';
import { readVideoTrackBoxes } from './mp4-boxes';
import { VIDEO_CACHE } from './video-cache';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'osea-ingest-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Source frame times in seconds as ffprobe decodes them, independent of the ingest code. */
function sourceFrameSeconds(path: string): number[] {
  const out = execFileSync('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=time_base:frame=pts', '-of', 'json', path,
  ]).toString();
  const parsed = JSON.parse(out) as { streams: { time_base: string }[]; frames: { pts: number }[] };
  const [num, den] = (parsed.streams[0]?.time_base ?? '0/1').split('/').map(Number) as [number, number];
  return parsed.frames.map((frame) => (frame.pts * num) / den);
}

describe('ingest keeps every frame of every kind of upload', () => {
  it.each(FRAME_STRIP_PROFILES)(
    '%s: proxy frame N shows source frame N at the source time, upright',
    async (profile) => {
      const video = await cachedFrameStripVideo(VIDEO_CACHE, profile);
      const outDir = join(work, profile);
      const table = await ingestVideo({ inputPath: video.path, outDir });

      expect((await readdir(outDir)).sort()).toEqual(['frames.json', 'proxy.mp4']);
      const written = FrameTable.parse(JSON.parse(await readFile(join(outDir, 'frames.json'), 'utf8')));
      expect(written).toEqual(table);
      expect(table.frameCount).toBe(video.frameCount);
      expect([table.width, table.height, table.rotation]).toEqual([video.width, video.height, video.rotation]);
      expect(table.sourceSha256).toBe(await sha256File(video.path));
      expect(table.proxySha256).toBe(await sha256File(join(outDir, 'proxy.mp4')));

      // every proxy frame, decoded as a player shows it: the strip must read its position in the table (0 wrong)
      const decoded = await readFrameIndexes(join(outDir, 'proxy.mp4'));
      expect([decoded.width, decoded.height]).toEqual([video.width, video.height]);
      const wrong = decoded.indexes.flatMap((index, position) => (index === position ? [] : [{ position, index }]));
      expect(wrong).toEqual([]);
      expect(decoded.indexes).toHaveLength(table.frameCount);

      // what a browser's demuxer sees: the table's timescale, no edit-list shift, no rotation left to apply
      const boxes = await readVideoTrackBoxes(join(outDir, 'proxy.mp4'));
      expect(boxes.mediaTimescale).toBe(table.timescale);
      expect(boxes.editList.map((edit) => edit.mediaTime)).toEqual([0]);
      expect(boxes.matrix).toEqual([65536, 0, 0, 0, 65536, 0, 0, 0, 1073741824]);

      const sourceSeconds = sourceFrameSeconds(video.path);
      expect(sourceSeconds).toHaveLength(table.frameCount);
      for (const [i, seconds] of sourceSeconds.entries()) {
        expect(Math.abs((table.pts[i] as number) / table.timescale - seconds)).toBeLessThanOrEqual(0.5 / table.timescale);
      }
    },
    240_000,
  );

  it('the proxy of the NTSC B-frame source keeps 1001-tick steps, and VFR keeps its irregular steps', async () => {
    const ntsc = await ingestVideo({ inputPath: (await cachedFrameStripVideo(VIDEO_CACHE, 'ntsc-bframes')).path, outDir: join(work, 'ntsc-2') });
    expect(ntsc.timescale).toBe(30000);
    expect(ntsc.pts.every((p, i) => p === ntsc.pts[0]! + i * 1001)).toBe(true);
    const vfr = await ingestVideo({ inputPath: (await cachedFrameStripVideo(VIDEO_CACHE, 'vfr')).path, outDir: join(work, 'vfr-2') });
    expect(new Set(vfr.pts.slice(1).map((p, i) => p - vfr.pts[i]!)).size).toBeGreaterThan(5);
  }, 240_000);
});

describe('the review proxy', () => {
  it('is H.264 yuv420p without B-frames, a keyframe at least every 8 frames, AAC audio, no metadata or display matrix', async () => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'hevc-aac');
    const outDir = join(work, 'proxy-shape');
    await ingestVideo({ inputPath: video.path, outDir });
    const proxy = join(outDir, 'proxy.mp4');
    const streams = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', proxy]).toString(),
    ) as { streams: { codec_type: string; codec_name: string; pix_fmt?: string; has_b_frames?: number; side_data_list?: unknown[] }[] };
    const [videoStream, audioStream] = streams.streams;
    expect(videoStream).toMatchObject({ codec_type: 'video', codec_name: 'h264', pix_fmt: 'yuv420p', has_b_frames: 0 });
    expect(videoStream?.side_data_list ?? []).toEqual([]);
    expect(audioStream).toMatchObject({ codec_type: 'audio', codec_name: 'aac' });
    const flags = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=flags', '-of', 'csv=p=0', proxy])
      .toString()
      .trim()
      .split('\n');
    const keyframes = flags.flatMap((flag, i) => (flag.startsWith('K') ? [i] : []));
    expect(keyframes[0]).toBe(0);
    const gaps = [...keyframes.slice(1), flags.length].map((k, i) => k - (keyframes[i] as number));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(8);
  }, 120_000);
});

async function expectRejected(inputPath: string, reason: IngestRejectionReason, limits?: IngestLimitsInput): Promise<void> {
  const outDir = join(work, `rejected-${reason}-${Math.random().toString(36).slice(2)}`);
  const attempt = ingestVideo({ inputPath, outDir, ...(limits ? { limits } : {}) });
  await expect(attempt).rejects.toBeInstanceOf(IngestRejection);
  await expect(attempt).rejects.toMatchObject({ reason });
  // nothing half-made: no proxy, no frame table, no temp folder
  const left = await readdir(outDir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  expect(left).toEqual([]);
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { stdio: 'ignore' });
}

describe('ingest refuses what cannot be reviewed, leaving nothing behind', () => {
  it('a text file renamed .mp4 is not a video', async () => {
    const path = join(work, 'notes.mp4');
    await writeFile(path, 'Minutes of the assessment meeting.\nNot a video at all.\n');
    await expectRejected(path, 'not_a_video');
  });

  it('an empty file is not a video', async () => {
    const path = join(work, 'empty.mp4');
    await writeFile(path, '');
    await expectRejected(path, 'not_a_video');
  });

  it('an mp4 cut in half is truncated, whether its index is at the start or the end', async () => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'cfr30');
    const faststart = await readFile(video.path);
    const front = join(work, 'half-faststart.mp4');
    await writeFile(front, faststart.subarray(0, faststart.length >> 1));
    await expectRejected(front, 'truncated');

    const indexAtEnd = join(work, 'index-at-end.mp4');
    ffmpeg(['-i', video.path, '-c', 'copy', indexAtEnd]);
    const whole = await readFile(indexAtEnd);
    const back = join(work, 'half-index-at-end.mp4');
    await writeFile(back, whole.subarray(0, whole.length >> 1));
    await expectRejected(back, 'truncated');
  });

  it('an audio-only file has no video stream', async () => {
    const path = join(work, 'voice.mp4');
    ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=300:duration=1', '-c:a', 'aac', '-f', 'mp4', path]);
    await expectRejected(path, 'no_video_stream');
  });

  it('a video stream without frames has zero frames', async () => {
    const path = join(work, 'zero-frames.avi');
    ffmpeg(['-f', 'lavfi', '-i', 'color=size=64x64', '-c:v', 'mpeg4', '-frames:v', '0', path]);
    await expectRejected(path, 'zero_frames');
  });

  it('over the limits of duration, resolution or size', async () => {
    const cfr = await cachedFrameStripVideo(VIDEO_CACHE, 'cfr30');
    await expectRejected(cfr.path, 'over_limit', { maxDurationSeconds: 1 });
    const hd = await cachedFrameStripVideo(VIDEO_CACHE, 'hd1080');
    await expectRejected(hd.path, 'over_limit', { maxLongSide: 1280 });
    await expectRejected(cfr.path, 'over_limit', { maxBytes: Math.floor((await stat(cfr.path)).size / 2) });
  });

  it('an image is not a video', async () => {
    const path = join(work, 'photo.mp4');
    ffmpeg(['-f', 'lavfi', '-i', 'color=size=64x64', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', join(work, 'photo.png')]);
    await copyFile(join(work, 'photo.png'), path);
    await expectRejected(path, 'not_a_video');
  });
});
