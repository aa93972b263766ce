import { JUDGEMENT_MAX_SCORE, type Aspect, type MeasurementAspect } from '../scheme/aspect';
import { roundRatio, toCents } from './cents';

/**
 * Deviation comparisons allow a relative slack of 1e-9: 50.1 − 50 is 0.10000000000000142 in binary
 * floating point, and a measurement exactly on a band's edge belongs inside the band.
 */
function withinBand(deviation: number, within: number, scale: number): boolean {
  return deviation - within <= 1e-9 * Math.max(1, scale);
}

/** A judgement score as an integer 0–3, or null if the value is not one. */
export function judgementScore(value: boolean | number | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= JUDGEMENT_MAX_SCORE ? value : null;
}

/** Cents one expert's M mark earns (DESIGN §6), or null when the value does not fit the rule (= unmarked). */
export function measurementAwardCents(aspect: MeasurementAspect, value: boolean | number | undefined): number | null {
  const maxCents = toCents(aspect.max);
  const rule = aspect.rule;
  switch (rule.type) {
    case 'pass_fail':
      return typeof value === 'boolean' ? (value ? maxCents : 0) : null;
    case 'deduction': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return null;
      const deducted = Math.min(toCents(rule.cap), value * toCents(rule.perOccurrence));
      return Math.max(0, maxCents - deducted);
    }
    case 'tolerance': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      const deviation = Math.abs(value - rule.nominal);
      const scale = Math.max(Math.abs(value), Math.abs(rule.nominal));
      const band = rule.bands.find((candidate) => withinBand(deviation, candidate.within, scale));
      return band ? Math.min(maxCents, toCents(band.mark)) : 0;
    }
  }
}

/** Cents a single expert's mark earns on any aspect; J: max × score / 3. Null = unmarked or unusable. */
export function aspectAwardCents(aspect: Aspect, value: boolean | number | undefined): number | null {
  if (aspect.kind === 'M') return measurementAwardCents(aspect, value);
  const score = judgementScore(value);
  return score === null ? null : roundRatio(toCents(aspect.max) * score, JUDGEMENT_MAX_SCORE);
}
