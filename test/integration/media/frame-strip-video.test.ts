import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cachedFrameStripVideo, FRAME_STRIP_PROFILES } from '../../../resources/video/frame-strip-video';
import { readFrameIndexes } from '../../../resources/video/read-frame-index';
import { readVideoTrackBoxes } from './mp4-boxes';
import { VIDEO_CACHE } from './video-cache';


function probeStreams(path: string): { codec_type: string; codec_name: string }[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-of', 'json', path]);
  return (JSON.parse(out.toString()) as { streams: { codec_type: string; codec_name: string }[] }).streams;
}

function probePts(path: string): number[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts', '-of', 'csv=p=0', path]);
  return out.toString().trim().split('\n').map(Number);
}

describe('frame-strip test videos', () => {
  it.each(FRAME_STRIP_PROFILES)('%s: every decoded frame shows its own index', async (profile) => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, profile);
    const decoded = await readFrameIndexes(video.path);
    expect(decoded.indexes).toEqual(Array.from({ length: video.frameCount }, (_, i) => i));
    expect([decoded.width, decoded.height]).toEqual([video.width, video.height]);
  });

  it('29.97 fps with B-frames carries an edit list that skips the B-frame delay', async () => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'ntsc-bframes');
    const boxes = await readVideoTrackBoxes(video.path);
    expect(boxes.mediaTimescale).toBe(30000);
    expect(boxes.editList).toHaveLength(1);
    expect(boxes.editList[0]?.mediaTime).toBeGreaterThan(0);
  });

  it('the phone video is stored landscape with a 90° display matrix', async () => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'rotated90');
    const boxes = await readVideoTrackBoxes(video.path);
    expect(boxes.matrix.slice(0, 5)).toEqual([0, 65536, 0, -65536, 0]);
  });

  it('the VFR video has irregular frame durations', async () => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'vfr');
    const pts = probePts(video.path);
    const durations = new Set(pts.slice(1).map((p, i) => p - (pts[i] as number)));
    expect(durations.size).toBeGreaterThan(5);
  });

  it('the HEVC video has AAC audio', async () => {
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'hevc-aac');
    expect(probeStreams(video.path).map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:hevc']);
  });
});
