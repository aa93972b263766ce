import { z } from 'zod';

/**
 * Marks are points with at most two decimals. Scoring works in integer hundredths ("cents") so that
 * sums are exact and the same on every machine; see scoring/cents.ts.
 */
export function hasAtMostTwoDecimals(value: number): boolean {
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export const Points = z
  .number()
  .finite()
  .min(0)
  .max(100)
  .refine(hasAtMostTwoDecimals, 'points.tooManyDecimals');

export const PositivePoints = Points.refine((value) => value > 0, 'points.notPositive');

/** Ids inside a scheme (criteria, aspects, veto rules): short, stable, safe in URLs and keys. */
export const SchemeItemId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'scheme.itemId.format');
