import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameTable, frameAt, seekTimeForFrame, type FrameTiming } from './frame-table';

const HASH = 'a'.repeat(64);

function table(pts: number[], timescale: number): FrameTable {
  return FrameTable.parse({
    version: 1,
    timescale,
    pts,
    frameCount: pts.length,
    width: 640,
    height: 360,
    rotation: 0,
    avgFps: 30,
    sourceSha256: HASH,
    proxySha256: HASH.replace(/a/g, 'b'),
  });
}

describe('FrameTable schema', () => {
  it('accepts a valid table', () => {
    expect(table([0, 1001, 2002], 30000).frameCount).toBe(3);
  });

  it('rejects a frame count that is not the number of timestamps', () => {
    const result = FrameTable.safeParse({ ...table([0, 1, 2], 30), frameCount: 4 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('media.frameTable.countMismatch');
  });

  it('rejects timestamps that repeat or go backwards', () => {
    for (const pts of [
      [0, 1, 1],
      [0, 2, 1],
    ]) {
      const result = FrameTable.safeParse({ ...table([0, 1, 2], 30), pts });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toContain('media.frameTable.ptsNotIncreasing');
    }
  });

  it('rejects a rotation that is not a quarter turn, bad hashes and unknown fields', () => {
    const good = table([0], 30);
    expect(FrameTable.safeParse({ ...good, rotation: 45 }).success).toBe(false);
    expect(FrameTable.safeParse({ ...good, sourceSha256: 'A'.repeat(64) }).success).toBe(false);
    expect(FrameTable.safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(FrameTable.safeParse({ ...good, timescale: 29.97 }).success).toBe(false);
  });
});

describe('frameAt', () => {
  const ntsc: FrameTiming = { timescale: 30000, pts: Array.from({ length: 300 }, (_, i) => i * 1001) };

  it('finds the frame on an NTSC (30000/1001) timeline where currentTime × fps is wrong', () => {
    // frame 150 starts at 5.005 s; 5.005 × 29.97 = 150.0 but 5.005 × 30 = 150.15 and 5.0 s is still frame 149
    expect(frameAt(ntsc, 150 * 1001 / 30000)).toBe(150);
    expect(frameAt(ntsc, 5.0)).toBe(149);
    expect(Math.floor(5.0 * 30)).toBe(150);
  });

  it('tolerates media time rounded a microsecond below the pts', () => {
    const exact = 7 * 1001 / 30000;
    expect(frameAt(ntsc, Math.floor(exact * 1e6) / 1e6)).toBe(7);
    expect(frameAt(ntsc, exact - 0.001)).toBe(6);
  });

  it('clamps before the first and after the last frame', () => {
    const late: FrameTiming = { timescale: 1000, pts: [500, 540, 600] };
    expect(frameAt(late, 0)).toBe(0);
    expect(frameAt(late, 99)).toBe(2);
    expect(() => frameAt(late, Number.NaN)).toThrow(RangeError);
  });

  it('follows a variable frame rate table', () => {
    const vfr: FrameTiming = { timescale: 1000, pts: [0, 20, 70, 85, 140] };
    expect([0, 0.019, 0.02, 0.069, 0.07, 0.1, 0.139, 0.14, 3].map((t) => frameAt(vfr, t))).toEqual([
      0, 0, 1, 1, 2, 3, 3, 4, 4,
    ]);
  });
});

describe('seekTimeForFrame', () => {
  it('seeks to the midpoint between a frame and the next', () => {
    const vfr: FrameTiming = { timescale: 1000, pts: [0, 20, 70] };
    expect(seekTimeForFrame(vfr, 0)).toBeCloseTo(0.01, 12);
    expect(seekTimeForFrame(vfr, 1)).toBeCloseTo(0.045, 12);
    // last frame: half of the previous frame's duration after its pts
    expect(seekTimeForFrame(vfr, 2)).toBeCloseTo(0.095, 12);
  });

  it('uses the track duration, else the average rate, for a one-frame table', () => {
    expect(seekTimeForFrame({ timescale: 1000, pts: [0], durationTs: 40 }, 0)).toBeCloseTo(0.02, 12);
    expect(seekTimeForFrame({ timescale: 1000, pts: [0], avgFps: 25 }, 0)).toBeCloseTo(0.02, 12);
  });

  it('refuses frames outside the table', () => {
    const t: FrameTiming = { timescale: 30, pts: [0, 1] };
    expect(() => seekTimeForFrame(t, 2)).toThrow(RangeError);
    expect(() => seekTimeForFrame(t, -1)).toThrow(RangeError);
    expect(() => seekTimeForFrame(t, 0.5)).toThrow(RangeError);
  });
});

describe('frameAt ∘ seekTimeForFrame', () => {
  const timescales = fc.constantFrom(30000, 24000, 60000, 90000, 15360, 12800, 1000, 600, 25, 30);
  // Real frame durations are many ticks; two ticks is the shortest a midpoint can sit strictly inside.
  const timing = timescales.chain((timescale) =>
    fc
      .record({
        first: fc.integer({ min: -10 * timescale, max: 10 * timescale }),
        durations: fc.array(fc.integer({ min: 2, max: 4 * timescale }), { minLength: 0, maxLength: 400 }),
      })
      .map(({ first, durations }): FrameTiming => {
        const pts = [first];
        for (const d of durations) pts.push((pts[pts.length - 1] as number) + d);
        return { timescale, pts };
      }),
  );

  it('lands on the same frame for every frame of any table (VFR, NTSC, negative start)', () => {
    fc.assert(
      fc.property(timing, (t) => {
        for (let n = 0; n < t.pts.length; n += 1) {
          if (frameAt(t, seekTimeForFrame(t, n)) !== n) return false;
          if (frameAt(t, (t.pts[n] as number) / t.timescale) !== n) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('holds on a two-hour 29.97 fps table', () => {
    const long: FrameTiming = { timescale: 30000, pts: Array.from({ length: 215_784 }, (_, i) => i * 1001) };
    for (let n = 0; n < long.pts.length; n += 997) expect(frameAt(long, seekTimeForFrame(long, n))).toBe(n);
    expect(frameAt(long, seekTimeForFrame(long, long.pts.length - 1))).toBe(long.pts.length - 1);
  });
});
