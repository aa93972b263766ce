import type { FrameTiming } from '../../../shared/domain/media/frame-table';
import type { Mp4Sample } from './mp4-sample-table';

/**
 * How the decoded-frame cache decodes a proxy: which samples are which frame of the frame table, and the GOPs
 * (a sync sample and the samples after it up to the next one, in decode order) that can be decoded on their own.
 * Pure, so the mapping that decides which picture gets which frame number is unit-tested.
 */
export interface DecodePlan {
  /** frame index (display order, the table's) of each sample, by decode order */
  sampleFrame: number[];
  /** decode-order sample ranges [first, end) that each start on a sync sample */
  gops: Array<{ first: number; end: number }>;
  /** GOP of each frame index */
  frameGop: number[];
  /** WebCodecs timestamp (µs) given to each sample's chunk, by decode order; unique, so output maps back exactly */
  sampleMicros: number[];
  /** frames of the longest GOP */
  maxGopLength: number;
}

export type PlanRefusal = 'count' | 'pts' | 'reordered' | 'noSync' | 'micros';

/**
 * Maps samples to table frames by exact pts (ticks of the same timescale — never time × fps) and cuts GOPs.
 * Refuses (the player keeps its <video>-only path) when the track and the table disagree on any frame, or when
 * frames are reordered (B-frames): decoding from a sync sample is then not guaranteed to give whole GOPs.
 */
export function planDecode(samples: readonly Mp4Sample[], trackTimescale: number, table: FrameTiming): DecodePlan | PlanRefusal {
  if (samples.length !== table.pts.length) return 'count';
  if (trackTimescale !== table.timescale) return 'pts';
  const frameOfPts = new Map<number, number>();
  table.pts.forEach((pts, frame) => frameOfPts.set(pts, frame));
  const sampleFrame: number[] = [];
  for (let i = 0; i < samples.length; i += 1) {
    const frame = frameOfPts.get((samples[i] as Mp4Sample).pts);
    if (frame === undefined) return 'pts';
    if (i > 0 && frame <= (sampleFrame[i - 1] as number)) return 'reordered';
    sampleFrame.push(frame);
  }
  if (!(samples[0] as Mp4Sample).sync) return 'noSync';

  const gops: Array<{ first: number; end: number }> = [];
  const frameGop = new Array<number>(samples.length).fill(0);
  samples.forEach((sample, i) => {
    if (sample.sync) gops.push({ first: i, end: i + 1 });
    else (gops[gops.length - 1] as { end: number }).end = i + 1;
    frameGop[sampleFrame[i] as number] = gops.length - 1;
  });

  const sampleMicros = samples.map((sample) => Math.round((sample.pts * 1_000_000) / trackTimescale));
  if (new Set(sampleMicros).size !== sampleMicros.length) return 'micros';
  const maxGopLength = Math.max(...gops.map((gop) => gop.end - gop.first));
  return { sampleFrame, gops, frameGop, sampleMicros, maxGopLength };
}

/**
 * GOPs to hold around the GOP of the playhead, most wanted first: the playhead's, then the one the expert is moving
 * towards, then the one behind, and so on out to `radius`.
 */
export function gopWindow(center: number, direction: number, radius: number, gopCount: number): number[] {
  const ahead = direction < 0 ? -1 : 1;
  const order = [center];
  for (let d = 1; d <= radius; d += 1) order.push(center + ahead * d, center - ahead * d);
  return order.filter((gop) => gop >= 0 && gop < gopCount);
}

/**
 * Decoded GOPs to drop (and close every frame of) when the window moves: those outside it. A GOP still being decoded
 * is not dropped here: its frames are closed as they come out, and it is dropped when it finishes.
 */
export function gopsToEvict(held: ReadonlyMap<number, 'decoding' | 'ready'>, wanted: readonly number[]): number[] {
  return [...held].filter(([gop, state]) => state === 'ready' && !wanted.includes(gop)).map(([gop]) => gop);
}

/**
 * How many GOPs each side of the playhead fit a memory budget: decoded 4:2:0 frames take width × height × 1.5 bytes,
 * and the window holds 2·radius + 1 GOPs of up to `maxGopLength` frames. At least the playhead's own GOP; at most
 * `maxRadius` each side.
 */
export function windowRadius(width: number, height: number, maxGopLength: number, budgetBytes: number, maxRadius: number): number {
  const gopBytes = width * height * 1.5 * Math.max(1, maxGopLength);
  const gops = Math.floor(budgetBytes / gopBytes);
  return Math.max(0, Math.min(maxRadius, Math.floor((gops - 1) / 2)));
}

/** The byte range [start, end) holding every sample of a GOP (audio interleaved between them comes along). */
export function gopByteRange(samples: readonly Mp4Sample[], gop: { first: number; end: number }): { start: number; end: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (let i = gop.first; i < gop.end; i += 1) {
    const sample = samples[i] as Mp4Sample;
    start = Math.min(start, sample.offset);
    end = Math.max(end, sample.offset + sample.size);
  }
  return { start, end };
}
