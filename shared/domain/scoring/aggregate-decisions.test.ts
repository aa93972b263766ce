import { describe, expect, it } from 'vitest';
import type { AspectMark, Verdict, VetoHit } from '../review/mark-sheet';
import { MarkingScheme } from '../scheme/marking-scheme';
import { ScoringInputError, aggregateDecisions, type DecisionSheet } from './aggregate-decisions';
import { EXAMPLE_SCHEME, EXAMPLE_SCHEME_INPUT } from './example-scheme';

const clip = [{ fromFrame: 300, toFrame: 360, note: '' }];
const veto = (vetoId: string): VetoHit => ({ vetoId, evidence: clip, rationale: '见片段' });

function sheet(values: Record<string, boolean | number>, extra: Partial<DecisionSheet> = {}): DecisionSheet {
  const marks: AspectMark[] = Object.entries(values).map(([aspectId, value]) => ({ aspectId, value }));
  return { schemeId: 'scheme-welder-l3', schemeVersion: 1, round: 1, marks, vetoHits: [], verdict: 'pass', ...extra };
}

// Worked example 2: three experts.
//            A1     A2(n)  A3(mm)  A4  A5  A6
//   E1       pass   1      50.2    2   2   2
//   E2       pass   2      50.7    3   2   1
//   E3       fail   0      51.5    2   1   2
const E1 = { A1: true, A2: 1, A3: 50.2, A4: 2, A5: 2, A6: 2 };
const E2 = { A1: true, A2: 2, A3: 50.7, A4: 3, A5: 2, A6: 1 };
const E3 = { A1: false, A2: 0, A3: 51.5, A4: 2, A5: 1, A6: 2 };
// M (mean of each expert's award):
//   A1: (10 + 10 + 0)/3 = 6.666… → 6.67
//   A2: (8 + 6 + 10)/3 = 8
//   A3: deviations 0.2, 0.7, 1.5 → 20, 12, 5 → 37/3 = 12.333… → 12.33
// J (max × mean score / 3):
//   A4: 30 × (2+3+2)/9 = 23.333… → 23.33 (spread 3 − 2 = 1, allowed)
//   A5: 20 × (2+2+1)/9 = 11.111… → 11.11
//   A6: 10 × (2+1+2)/9 = 5.555… → 5.56
// C1 = 6.67 + 8 = 14.67; C2 = 12.33 + 23.33 + 11.11 = 46.77; C3 = 5.56; total = 67.00 → certified

describe('aggregateDecisions — worked example', () => {
  it('averages M awards and J scores, then sums the rounded aspect marks', () => {
    const result = aggregateDecisions(EXAMPLE_SCHEME, [sheet(E1), sheet(E2), sheet(E3)]);
    expect(result.aspects.map((a) => [a.id, a.awarded])).toEqual([
      ['A1', 6.67],
      ['A2', 8],
      ['A3', 12.33],
      ['A4', 23.33],
      ['A5', 11.11],
      ['A6', 5.56],
    ]);
    expect(result.criteria.map((c) => c.subtotal)).toEqual([14.67, 46.77, 5.56]);
    expect(result.total).toBe(67);
    expect(result.discrepancies).toEqual([]);
    expect(result).toMatchObject({ outcome: 'certified', pass: true, experts: 3, complete: true, returnVotes: 0 });
  });

  it('uses the median for J when the scheme says so', () => {
    const median = MarkingScheme.parse({ ...EXAMPLE_SCHEME_INPUT, aggregation: 'median' });
    // A4 median 2 → 20; A5 median 2 → 13.33; A6 median 2 → 6.67; M unchanged
    // total = 14.67 + (12.33 + 20 + 13.33) + 6.67 = 67.00
    const result = aggregateDecisions(median, [sheet(E1), sheet(E2), sheet(E3)]);
    expect(result.aspects.filter((a) => a.kind === 'J').map((a) => a.awarded)).toEqual([20, 13.33, 6.67]);
    expect(result.total).toBe(67);
    // two experts: A5 scores 1 and 2 → median 1.5 → 20 × 1.5/3 = 10
    const two = aggregateDecisions(median, [sheet(E1), sheet(E3)]);
    expect(two.aspects.find((a) => a.id === 'A5')!.awarded).toBe(10);
    expect(two.complete).toBe(false);
  });

  it('reports a J spread above the limit as a discrepancy, without who scored what', () => {
    const result = aggregateDecisions(EXAMPLE_SCHEME, [sheet(E1), sheet(E2), sheet({ ...E3, A4: 0 })]);
    expect(result.discrepancies).toEqual([{ aspectId: 'A4', scores: [0, 2, 3], spread: 3 }]);
    expect(result.outcome).toBe('discrepancy');
  });

  it('lets a wider judgementMaxSpread accept the same scores', () => {
    const lenient = MarkingScheme.parse({ ...EXAMPLE_SCHEME_INPUT, judgementMaxSpread: 3 });
    expect(aggregateDecisions(lenient, [sheet(E1), sheet(E2), sheet({ ...E3, A4: 0 })]).outcome).toBe('certified');
  });

  it('returns the submission when a majority says return, not when one expert does', () => {
    const ret = (values: typeof E1, verdict: Verdict) => sheet(values, { verdict });
    expect(aggregateDecisions(EXAMPLE_SCHEME, [ret(E1, 'return'), ret(E2, 'return'), ret(E3, 'pass')]).outcome).toBe('returned');
    const one = aggregateDecisions(EXAMPLE_SCHEME, [ret(E1, 'return'), ret(E2, 'pass'), ret(E3, 'pass')]);
    expect(one).toMatchObject({ outcome: 'certified', returnVotes: 1 });
  });
});

describe('aggregateDecisions — vetoes by majority', () => {
  it('a fail-all veto from one of three experts is tallied but not applied', () => {
    const result = aggregateDecisions(EXAMPLE_SCHEME, [sheet(E1, { vetoHits: [veto('V3')] }), sheet(E2), sheet(E3)]);
    expect(result.vetoTally.find((v) => v.vetoId === 'V3')).toEqual({ vetoId: 'V3', hits: 1, applied: false });
    expect(result.outcome).toBe('certified');
  });

  it('a fail-all veto from two of three fails, even over a judgement discrepancy', () => {
    const result = aggregateDecisions(EXAMPLE_SCHEME, [
      sheet(E1, { vetoHits: [veto('V3')] }),
      sheet(E2, { vetoHits: [veto('V3')] }),
      sheet({ ...E3, A4: 0 }),
    ]);
    expect(result.vetoHits).toEqual([{ vetoId: 'V3', effect: 'fail_all' }]);
    expect(result.discrepancies).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'not_certified', pass: false, failAll: true });
  });

  it('zero_aspect by majority: 67 − 12.33 = 54.67 → not certified', () => {
    const result = aggregateDecisions(EXAMPLE_SCHEME, [sheet(E1, { vetoHits: [veto('V1')] }), sheet(E2), sheet(E3, { vetoHits: [veto('V1')] })]);
    expect(result.total).toBe(54.67);
    expect(result.outcome).toBe('not_certified');
  });

  it('zero_criterion by majority: 14.67 + 0 + 5.56 = 20.23', () => {
    const result = aggregateDecisions(EXAMPLE_SCHEME, [sheet(E1, { vetoHits: [veto('V2')] }), sheet(E2, { vetoHits: [veto('V2')] }), sheet(E3)]);
    expect(result.total).toBe(20.23);
  });

  it('a 1–1 split of two experts is not a majority', () => {
    const result = aggregateDecisions(EXAMPLE_SCHEME, [sheet(E1, { vetoHits: [veto('V3')] }), sheet(E2)]);
    expect(result.failAll).toBe(false);
  });
});

describe('aggregateDecisions — mandatory and bad input', () => {
  it('a mandatory aspect any expert left unmarked is missing, and fails', () => {
    const { A4: _omitted, ...withoutA4 } = E2;
    const result = aggregateDecisions(EXAMPLE_SCHEME, [sheet(E1), sheet(withoutA4), sheet(E3)]);
    expect(result.missingMandatory).toEqual(['A4']);
    // the unmarked score counts as 0: A4 = 30 × (2+0+2)/9 = 13.33, and the spread is 2 → discrepancy first
    expect(result.aspects.find((a) => a.id === 'A4')!.awarded).toBe(13.33);
    expect(result.outcome).toBe('discrepancy');
    expect(result.pass).toBe(false);
  });

  it('refuses no sheets, sheets of another scheme version, and mixed rounds', () => {
    const problem = (sheets: DecisionSheet[]) => {
      try {
        aggregateDecisions(EXAMPLE_SCHEME, sheets);
        return null;
      } catch (error) {
        return error instanceof ScoringInputError ? error.problem : 'other';
      }
    };
    expect(problem([])).toBe('noSheets');
    expect(problem([sheet(E1), sheet(E2, { schemeVersion: 2 })])).toBe('schemeMismatch');
    expect(problem([sheet(E1), sheet(E2, { round: 2 })])).toBe('roundMismatch');
  });
});
