/**
 * Rounding policy (one place, used by the workstation and the registry alike):
 * every aspect's awarded mark is rounded once to 2 decimals, half up, computed exactly as a ratio
 * of integers in hundredths of a point ("cents"); criterion subtotals and the total are plain sums
 * of those rounded aspect marks, so the numbers on screen always add up and no float drift can
 * move a candidate across the pass mark.
 */
export function toCents(points: number): number {
  return Math.round(points * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** round(numerator / denominator), halves up, for non-negative integers with a positive denominator. */
export function roundRatio(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
