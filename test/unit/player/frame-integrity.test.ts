import { describe, expect, it } from 'vitest';
import type { FrameTable } from '../../../shared/domain/media/frame-table';
import { checkMediaFacts, confirmFrame } from '../../../renderer/src/player/frame-integrity';

// 29.97 fps: pts in 1/30000 s ticks, 1001 ticks per frame; 300 frames ≈ 10.01 s.
const table: FrameTable = {
  version: 1,
  timescale: 30000,
  pts: Array.from({ length: 300 }, (_, i) => i * 1001),
  frameCount: 300,
  width: 640,
  height: 360,
  rotation: 0,
  avgFps: 29.97,
  sourceSha256: 'a'.repeat(64),
  proxySha256: 'b'.repeat(64),
};
const end = (300 * 1001) / 30000;

describe('frame table ↔ video checks', () => {
  it('accepts the matching duration and size, with a little audio tail', () => {
    expect(checkMediaFacts(table, { durationSeconds: end, videoWidth: 640, videoHeight: 360 })).toBeNull();
    expect(checkMediaFacts(table, { durationSeconds: end + 0.04, videoWidth: 640, videoHeight: 360 })).toBeNull();
  });

  it('refuses a video that ends before the table does; a long audio tail is left to the last-frame probe', () => {
    expect(checkMediaFacts(table, { durationSeconds: end + 0.5, videoWidth: 640, videoHeight: 360 })).toBeNull();
    expect(checkMediaFacts(table, { durationSeconds: end - 0.1, videoWidth: 640, videoHeight: 360 })?.reason).toBe('duration');
    expect(checkMediaFacts(table, { durationSeconds: Number.NaN, videoWidth: 640, videoHeight: 360 })?.reason).toBe('duration');
  });

  it('refuses a picture of another size, including a rotation the table does not describe', () => {
    expect(checkMediaFacts(table, { durationSeconds: end, videoWidth: 360, videoHeight: 640 })?.reason).toBe('size');
  });

  it('confirms a mediaTime at a pts (Chromium rounds to microseconds) and refuses one between frames', () => {
    expect(confirmFrame(table, 0.033367)).toEqual({ ok: true, frame: 1 });
    expect(confirmFrame(table, 0)).toEqual({ ok: true, frame: 0 });
    expect(confirmFrame(table, (299 * 1001) / 30000)).toEqual({ ok: true, frame: 299 });
    const between = confirmFrame(table, (10 * 1001 + 500) / 30000);
    expect(between.ok).toBe(false);
    expect(confirmFrame(table, 20).ok).toBe(false);
  });
});
