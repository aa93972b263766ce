/** Slow-motion ladder for `[` / `]` (0.1×–2×). Experts mostly live at 0.25× and 0.5× when judging a movement. */
export const PLAYBACK_RATES = [0.1, 0.25, 0.5, 1, 1.5, 2] as const;
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

function nearestIndex(rate: number): number {
  let best = 0;
  PLAYBACK_RATES.forEach((candidate, index) => {
    if (Math.abs(candidate - rate) < Math.abs((PLAYBACK_RATES[best] as number) - rate)) best = index;
  });
  return best;
}

export function slowerRate(rate: number): PlaybackRate {
  return PLAYBACK_RATES[Math.max(0, nearestIndex(rate) - 1)] as PlaybackRate;
}

export function fasterRate(rate: number): PlaybackRate {
  return PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, nearestIndex(rate) + 1)] as PlaybackRate;
}

/**
 * Browsers cannot play backwards, so reverse shuttle (J) is a train of single-frame steps back. Each press of J
 * goes one rung faster, like L does forward; the interval is one frame's duration scaled by the rung's speed.
 */
export const SHUTTLE_SPEEDS = [1, 2, 4] as const;

export function nextShuttleSpeed(current: number): number {
  const index = SHUTTLE_SPEEDS.findIndex((speed) => speed > current);
  return index === -1 ? (SHUTTLE_SPEEDS[SHUTTLE_SPEEDS.length - 1] as number) : (SHUTTLE_SPEEDS[index] as number);
}

export function reverseStepIntervalMs(frameDurationSeconds: number, speed: number): number {
  return (frameDurationSeconds * 1000) / Math.max(speed, 1e-6);
}
