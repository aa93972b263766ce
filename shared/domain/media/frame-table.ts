import { z } from 'zod';

/**
 * The frame table of a review proxy (DESIGN §8): the presentation timestamp of every displayed frame, in display
 * order, in `timescale` units. The player shows frame N by seeking to `seekTimeForFrame(N)` and confirms what the
 * browser shows with `frameAt(mediaTime)` — never `currentTime × fps`, which is wrong on NTSC files with B-frames.
 */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'media.sha256.invalid');
export type Sha256Hex = z.infer<typeof Sha256Hex>;

/** Clockwise degrees the source asked players to rotate it by; the proxy's pixels are already upright. */
export const DisplayRotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type DisplayRotation = z.infer<typeof DisplayRotation>;

const PositiveInt = z.number().int().positive();

export const FrameTable = z
  .object({
    version: z.literal(1),
    /** ticks per second of `pts` (the proxy's video track timescale, so every pts is exact) */
    timescale: PositiveInt,
    /** presentation timestamp of every displayed frame in display order, strictly increasing */
    pts: z.array(z.number().int()).min(1),
    frameCount: PositiveInt,
    /** displayed (upright) size of the proxy in pixels */
    width: PositiveInt,
    height: PositiveInt,
    rotation: DisplayRotation,
    /** frameCount / duration; informative only — never used to find a frame */
    avgFps: z.number().positive().finite(),
    /** track duration in `timescale` units, when the container states one */
    durationTs: PositiveInt.optional(),
    sourceSha256: Sha256Hex,
    proxySha256: Sha256Hex,
  })
  .strict()
  .refine((table) => table.pts.length === table.frameCount, {
    message: 'media.frameTable.countMismatch',
    path: ['frameCount'],
  })
  .refine((table) => table.pts.every((pts, i) => i === 0 || pts > (table.pts[i - 1] as number)), {
    message: 'media.frameTable.ptsNotIncreasing',
    path: ['pts'],
  });
export type FrameTable = z.infer<typeof FrameTable>;

/** The lookups need only the timestamps; the player may hold a table before its hashes are known. */
export type FrameTiming = Pick<FrameTable, 'timescale' | 'pts'> & { avgFps?: number; durationTs?: number };

/**
 * Index of the frame displayed at `mediaTimeSeconds` (a `requestVideoFrameCallback` mediaTime or a currentTime):
 * the last frame whose pts ≤ t. A time up to half a tick early still counts as that frame's pts, because browsers
 * report media time as a double rounded to microseconds (Chromium) and pts/timescale is rarely exact in binary;
 * half a tick is above that rounding for every timescale ≤ 500 000 and below half of any real frame duration, so it
 * never moves a time into the wrong frame. Times before the first frame give 0 (the first frame is what shows).
 */
export function frameAt(table: FrameTiming, mediaTimeSeconds: number): number {
  if (!Number.isFinite(mediaTimeSeconds)) throw new RangeError('frameAt: media time must be finite');
  const ticks = mediaTimeSeconds * table.timescale + 0.5;
  const { pts } = table;
  let low = 0;
  let high = pts.length - 1;
  if (ticks < (pts[0] as number)) return 0;
  // invariant: pts[low] ≤ ticks; answer in [low, high]
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((pts[mid] as number) <= ticks) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The time to seek to for frame `n`, in seconds: midway between frame n's pts and the next frame's, so decoders that
 * round the seek target either way still land on frame n. The last frame has no successor: half of the previous
 * frame's duration is used (for a one-frame table: the track duration, or 1/avgFps).
 */
export function seekTimeForFrame(table: FrameTiming, n: number): number {
  const { pts, timescale } = table;
  if (!Number.isInteger(n) || n < 0 || n >= pts.length) {
    throw new RangeError(`seekTimeForFrame: frame ${n} is outside 0..${pts.length - 1}`);
  }
  const start = pts[n] as number;
  const next = pts[n + 1];
  if (next !== undefined) return (start + next) / 2 / timescale;
  const previous = pts[n - 1];
  if (previous !== undefined) return (start + (start - previous) / 2) / timescale;
  if (table.durationTs !== undefined && table.durationTs > start) return (start + table.durationTs) / 2 / timescale;
  const frameSeconds = table.avgFps !== undefined && table.avgFps > 0 ? 1 / table.avgFps : 1 / 30;
  return start / timescale + frameSeconds / 2;
}
