/** Marks on the timeline and in/out points: where Alt+←/→ go and what the marks strip draws. */
export interface PlayerMark {
  id: string;
  fromFrame: number;
  toFrame: number;
  label: string;
}

export interface InOut {
  inFrame: number | null;
  outFrame: number | null;
}

/** The frames Alt+←/→ stop at: each mark's first frame plus the in and out points, sorted and unique. */
export function markStops(marks: readonly PlayerMark[], inOut: InOut): number[] {
  const stops = new Set<number>();
  for (const mark of marks) stops.add(mark.fromFrame);
  if (inOut.inFrame !== null) stops.add(inOut.inFrame);
  if (inOut.outFrame !== null) stops.add(inOut.outFrame);
  return [...stops].sort((a, b) => a - b);
}

export function previousStop(stops: readonly number[], frame: number): number | null {
  for (let i = stops.length - 1; i >= 0; i -= 1) {
    const stop = stops[i] as number;
    if (stop < frame) return stop;
  }
  return null;
}

export function nextStop(stops: readonly number[], frame: number): number | null {
  for (const stop of stops) if (stop > frame) return stop;
  return null;
}

/**
 * Setting in after out (or out before in) would make an empty range; the other end is dropped instead of silently
 * swapping them, so the expert sees exactly the point they just set.
 */
export function setInPoint(inOut: InOut, frame: number): InOut {
  return { inFrame: frame, outFrame: inOut.outFrame !== null && inOut.outFrame < frame ? null : inOut.outFrame };
}

export function setOutPoint(inOut: InOut, frame: number): InOut {
  return { inFrame: inOut.inFrame !== null && inOut.inFrame > frame ? null : inOut.inFrame, outFrame: frame };
}

/** Loop range for A–B playback; without both ends there is nothing to loop. */
export function loopRange(inOut: InOut): { from: number; to: number } | null {
  if (inOut.inFrame === null || inOut.outFrame === null) return null;
  return { from: inOut.inFrame, to: inOut.outFrame };
}

/** Left offset and width of a frame range on a strip, as fractions of the strip (frame n covers [n, n+1)). */
export function rangeOnStrip(fromFrame: number, toFrame: number, frameCount: number): { left: number; width: number } {
  const count = Math.max(1, frameCount);
  const from = Math.min(Math.max(0, fromFrame), count - 1);
  const to = Math.min(Math.max(from, toFrame), count - 1);
  return { left: from / count, width: (to - from + 1) / count };
}
