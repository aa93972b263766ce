import { describe, expect, it } from 'vitest';
import { gopByteRange, gopsToEvict, gopWindow, planDecode, windowRadius } from '../../../renderer/src/player/decode-plan';
import type { Mp4Sample } from '../../../renderer/src/player/mp4-sample-table';

const timing = (pts: number[], timescale = 30000): { timescale: number; pts: number[] } => ({ timescale, pts });

/** NTSC-like samples in decode order; a sync sample every `gop`. */
function samples(pts: number[], gop: number): Mp4Sample[] {
  return pts.map((p, i) => ({ offset: 1000 + i * 100, size: 90, dts: p, pts: p, sync: i % gop === 0 }));
}

const NTSC = Array.from({ length: 20 }, (_, i) => i * 1001);

describe('decode plan', () => {
  it('maps every sample to its frame by exact pts, and cuts GOPs at sync samples', () => {
    const plan = planDecode(samples(NTSC, 8), 30000, timing(NTSC));
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.sampleFrame).toEqual(NTSC.map((_, i) => i));
    expect(plan.gops).toEqual([
      { first: 0, end: 8 },
      { first: 8, end: 16 },
      { first: 16, end: 20 },
    ]);
    expect(plan.frameGop.slice(6, 10)).toEqual([0, 0, 1, 1]);
    expect(plan.maxGopLength).toBe(8);
    // µs timestamps: 1001/30000 s is 33366.67 µs; rounded, still one distinct value per frame
    expect(plan.sampleMicros.slice(0, 3)).toEqual([0, 33367, 66733]);
  });

  it('follows the table, not the sample count, when the table starts later (VFR, a shifted start)', () => {
    const pts = [512, 1000, 1700, 2100];
    const plan = planDecode(samples(pts, 2), 16000, timing(pts, 16000));
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.sampleFrame).toEqual([0, 1, 2, 3]);
    expect(plan.sampleMicros).toEqual([32000, 62500, 106250, 131250]);
  });

  it('refuses a track that disagrees with the frame table in any frame', () => {
    expect(planDecode(samples(NTSC.slice(0, 19), 8), 30000, timing(NTSC))).toBe('count');
    const shifted = NTSC.map((p) => p + 500);
    expect(planDecode(samples(shifted, 8), 30000, timing(NTSC))).toBe('pts');
    expect(planDecode(samples(NTSC, 8), 15000, timing(NTSC))).toBe('pts');
    const oneOff = [...NTSC];
    oneOff[7] = (oneOff[7] as number) + 1;
    expect(planDecode(samples(oneOff, 8), 30000, timing(NTSC))).toBe('pts');
  });

  it('refuses reordered frames (B-frames) and a first sample that is not a key frame', () => {
    const reordered = samples(NTSC, 8);
    [reordered[1], reordered[2]] = [reordered[2] as Mp4Sample, reordered[1] as Mp4Sample];
    expect(planDecode(reordered, 30000, timing(NTSC))).toBe('reordered');
    const noKey = samples(NTSC, 8).map((s, i) => ({ ...s, sync: i === 3 }));
    expect(planDecode(noKey, 30000, timing(NTSC))).toBe('noSync');
  });

  it('fetches a GOP as one byte range covering all its samples', () => {
    const list = samples(NTSC, 8);
    expect(gopByteRange(list, { first: 8, end: 16 })).toEqual({ start: 1800, end: 2590 });
  });
});

describe('cache window', () => {
  it('puts the playhead GOP first, then the one it moves towards, then the one behind', () => {
    expect(gopWindow(5, 1, 2, 10)).toEqual([5, 6, 4, 7, 3]);
    expect(gopWindow(5, -1, 2, 10)).toEqual([5, 4, 6, 3, 7]);
    expect(gopWindow(5, 0, 1, 10)).toEqual([5, 6, 4]);
  });

  it('stays inside the file', () => {
    expect(gopWindow(0, -1, 2, 3)).toEqual([0, 1, 2]);
    expect(gopWindow(2, 1, 1, 3)).toEqual([2, 1]);
  });

  it('drops the decoded GOPs the window has left, never one still decoding', () => {
    const held = new Map<number, 'decoding' | 'ready'>([
      [2, 'ready'],
      [3, 'ready'],
      [4, 'ready'],
      [5, 'decoding'],
    ]);
    // stepping forward from GOP 3 into 4: the window becomes 4, 5, 3
    expect(gopsToEvict(held, gopWindow(4, 1, 1, 10))).toEqual([2]);
    // a jump far away: everything decoded goes; GOP 5 finishes first and is dropped then
    expect(gopsToEvict(held, gopWindow(9, 1, 1, 10))).toEqual([2, 3, 4]);
  });

  it('sizes the window to the memory budget: one GOP each side at 1080p with GOP 8, more for small pictures', () => {
    const budget = 96 * 1024 * 1024;
    expect(windowRadius(1920, 1080, 8, budget, 2)).toBe(1);
    expect(windowRadius(640, 360, 8, budget, 2)).toBe(2);
    // a picture so large that one GOP is over budget still keeps the playhead's own GOP
    expect(windowRadius(7680, 4320, 8, budget, 2)).toBe(0);
  });
});
