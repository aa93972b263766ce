import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_STRIP_INDEX, paintFrameStrip, readFrameIndex, stripHeight } from './frame-strip';

function grayPicture(width: number, height: number, index: number): Uint8Array {
  const luma = new Uint8Array(width * height).fill(128);
  paintFrameStrip(luma, width, height, index);
  return luma;
}

/** nearest-neighbour scaling into RGBA, as a canvas drawImage of a scaled video would roughly give */
function scaledRgba(luma: Uint8Array, width: number, height: number, toWidth: number, toHeight: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(toWidth * toHeight * 4);
  for (let y = 0; y < toHeight; y += 1) {
    for (let x = 0; x < toWidth; x += 1) {
      const v = luma[Math.floor((y * height) / toHeight) * width + Math.floor((x * width) / toWidth)] as number;
      out.set([v, v, v, 255], (y * toWidth + x) * 4);
    }
  }
  return out;
}

describe('frame strip', () => {
  it('round-trips every index through gray pixels at the painted size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_STRIP_INDEX }),
        fc.integer({ min: 32, max: 400 }),
        fc.integer({ min: 24, max: 300 }),
        (index, width, height) => readFrameIndex({ data: grayPicture(width, height, index), width, height, channels: 1 }) === index,
      ),
      { numRuns: 300 },
    );
  });

  it('reads RGBA canvas pixels of a scaled picture', () => {
    const luma = grayPicture(640, 360, 0b1010_0000_1111_0001);
    for (const [w, h] of [
      [320, 180],
      [1280, 720],
      [333, 187],
    ] as const) {
      expect(readFrameIndex({ data: scaledRgba(luma, 640, 360, w, h), width: w, height: h, channels: 4 })).toBe(
        0b1010_0000_1111_0001,
      );
    }
  });

  it('keeps the strip at least 16 rows and 1/8 of the picture', () => {
    expect(stripHeight(72)).toBe(16);
    expect(stripHeight(1080)).toBe(135);
  });

  it('refuses a picture without a strip or with a blended block', () => {
    const width = 160;
    const height = 90;
    expect(readFrameIndex({ data: new Uint8Array(width * height).fill(128), width, height, channels: 1 })).toBeNull();
    const a = grayPicture(width, height, 1);
    const b = grayPicture(width, height, 2);
    const blend = a.map((v, i) => (v + (b[i] as number)) >> 1);
    expect(readFrameIndex({ data: blend, width, height, channels: 1 })).toBeNull();
  });

  it('refuses indexes that do not fit in 16 bits', () => {
    expect(() => grayPicture(64, 64, MAX_STRIP_INDEX + 1)).toThrow(RangeError);
  });
});
