import { describe, expect, it } from 'vitest';
import {
  loopRange,
  markStops,
  nextStop,
  previousStop,
  rangeOnStrip,
  setInPoint,
  setOutPoint,
} from '../../../renderer/src/player/mark-navigation';
import { fasterRate, nextShuttleSpeed, slowerRate } from '../../../renderer/src/player/playback-rate';
import { formatTimecode } from '../../../renderer/src/player/timecode';

const marks = [
  { id: 'b', fromFrame: 120, toFrame: 150, label: 'B' },
  { id: 'a', fromFrame: 30, toFrame: 40, label: 'A' },
  { id: 'c', fromFrame: 120, toFrame: 125, label: 'C' },
];

describe('mark navigation', () => {
  it('stops at each mark start and at in/out, sorted and unique', () => {
    expect(markStops(marks, { inFrame: 60, outFrame: null })).toEqual([30, 60, 120]);
    expect(markStops([], { inFrame: null, outFrame: null })).toEqual([]);
  });

  it('goes to the previous/next stop strictly before/after the frame', () => {
    const stops = [30, 60, 120];
    expect(nextStop(stops, 0)).toBe(30);
    expect(nextStop(stops, 30)).toBe(60);
    expect(nextStop(stops, 120)).toBeNull();
    expect(previousStop(stops, 120)).toBe(60);
    expect(previousStop(stops, 61)).toBe(60);
    expect(previousStop(stops, 30)).toBeNull();
  });

  it('drops the other end when in/out would cross, instead of swapping', () => {
    expect(setInPoint({ inFrame: null, outFrame: 50 }, 80)).toEqual({ inFrame: 80, outFrame: null });
    expect(setOutPoint({ inFrame: 80, outFrame: null }, 50)).toEqual({ inFrame: null, outFrame: 50 });
    expect(setOutPoint({ inFrame: 10, outFrame: null }, 50)).toEqual({ inFrame: 10, outFrame: 50 });
    expect(loopRange({ inFrame: 10, outFrame: 50 })).toEqual({ from: 10, to: 50 });
    expect(loopRange({ inFrame: 10, outFrame: null })).toBeNull();
  });

  it('places ranges on the strip with frame n covering [n, n+1)', () => {
    expect(rangeOnStrip(0, 0, 100)).toEqual({ left: 0, width: 0.01 });
    expect(rangeOnStrip(90, 200, 100)).toEqual({ left: 0.9, width: 0.1 });
  });
});

describe('speed ladder and timecode', () => {
  it('steps through 0.1 … 2 and stops at the ends', () => {
    expect(slowerRate(1)).toBe(0.5);
    expect(slowerRate(0.1)).toBe(0.1);
    expect(fasterRate(1)).toBe(1.5);
    expect(fasterRate(2)).toBe(2);
    expect(fasterRate(0.25)).toBe(0.5);
    expect(nextShuttleSpeed(1)).toBe(2);
    expect(nextShuttleSpeed(4)).toBe(4);
  });

  it('formats HH:MM:SS.mmm', () => {
    expect(formatTimecode(0)).toBe('00:00:00.000');
    expect(formatTimecode(3661.0333667)).toBe('01:01:01.033');
  });
});
