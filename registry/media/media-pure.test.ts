import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseByteRange } from './byte-range';
import { clockwiseRotation } from './probe';
import { compareFrameTimestamps } from './verify-timestamps';
import { isVideoContainer } from './container-signature';

describe('parseByteRange', () => {
  it('reads single ranges and clamps them to the file', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-1000', 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=50-5000', 100)).toEqual({ start: 50, end: 99 });
  });

  it('says unsatisfiable only for ranges starting past the end', () => {
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=100-200', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 100)).toBe('unsatisfiable');
  });

  it('ignores what it cannot serve as one range', () => {
    for (const header of [undefined, '', 'bytes=', 'bytes=-', 'bytes=9-1', 'bytes=0-1,3-4', 'chunks=0-1', 'bytes=1e3-', 'bytes=99999999999999999999-']) {
      expect(parseByteRange(header, 100)).toBeNull();
    }
  });

  it('always returns a range inside the file', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1e9 }), (header, size) => {
        const range = parseByteRange(`bytes=${header}`, size);
        return range === null || range === 'unsatisfiable' || (range.start >= 0 && range.start <= range.end && range.end < size);
      }),
    );
  });
});

describe('compareFrameTimestamps', () => {
  const ntsc = { num: 1, den: 30000 };
  it('accepts the same times in another time base within half a proxy tick', () => {
    const source = { pts: [0, 1001, 2002], timeBase: ntsc };
    expect(compareFrameTimestamps(source, { pts: [0, 1001, 2002], timeBase: ntsc })).toBeNull();
    // 1/90000 ticks: 1001/30000 s = 3003/90000 s
    expect(compareFrameTimestamps(source, { pts: [0, 3003, 6006], timeBase: { num: 1, den: 90000 } })).toBeNull();
  });

  it('refuses a different count or a frame moved by a tick', () => {
    expect(compareFrameTimestamps({ pts: [0, 1001], timeBase: ntsc }, { pts: [0], timeBase: ntsc })).toMatch(/1 frames, the source 2/);
    expect(compareFrameTimestamps({ pts: [0, 1001], timeBase: ntsc }, { pts: [0, 1002], timeBase: ntsc })).toMatch(/frame 1/);
    // rounded to a 30 fps grid, as `-r 30` would: 1001/30000 s ≠ 1/30 s
    expect(compareFrameTimestamps({ pts: [0, 1001], timeBase: ntsc }, { pts: [0, 1], timeBase: { num: 1, den: 30 } })).toMatch(/frame 1/);
  });
});

describe('probe helpers', () => {
  it('turns ffprobe display-matrix angles (counter-clockwise) into clockwise player rotations', () => {
    expect([undefined, 0, -90, 90, 180, -180, 270, -270, -89.9].map(clockwiseRotation)).toEqual([0, 0, 90, 270, 180, 180, 90, 270, 90]);
  });

  it('takes video containers only', () => {
    expect(isVideoContainer('mov,mp4,m4a,3gp,3g2,mj2')).toBe(true);
    expect(isVideoContainer('matroska,webm')).toBe(true);
    for (const name of ['png_pipe', 'image2', 'mp3', 'tty', 'gif', 'wav', '']) expect(isVideoContainer(name)).toBe(false);
  });
});
