import { describe, expect, it } from 'vitest';
import type { AspectMark, VetoHit } from '../review/mark-sheet';
import { MarkingScheme } from '../scheme/marking-scheme';
import { aspectAwardCents } from './aspect-award';
import { EXAMPLE_SCHEME, EXAMPLE_SCHEME_INPUT } from './example-scheme';
import { scoreMarkSheet } from './score-mark-sheet';

const clip = [{ fromFrame: 100, toFrame: 160, note: '' }];
const veto = (vetoId: string): VetoHit => ({ vetoId, evidence: clip, rationale: '见片段' });
const aspect = (id: string) => EXAMPLE_SCHEME.criteria.flatMap((c) => c.aspects).find((a) => a.id === id)!;

/** Worked example 1. */
const MARKS: AspectMark[] = [
  { aspectId: 'A1', value: true }, // pass → 10
  { aspectId: 'A2', value: 3 }, // 10 − min(8, 3 × 2) = 4
  { aspectId: 'A3', value: 50.8 }, // |50.8 − 50| = 0.8 → band "within 1" → 12
  { aspectId: 'A4', value: 2 }, // 30 × 2/3 = 20
  { aspectId: 'A5', value: 1 }, // 20 × 1/3 = 6.666… → 6.67
  { aspectId: 'A6', value: 3 }, // 10 × 3/3 = 10
];
// C1 = 10 + 4 = 14; C2 = 12 + 20 + 6.67 = 38.67; C3 = 10; total = 62.67 ≥ 60 → pass

describe('scoreMarkSheet — worked example', () => {
  it('scores every aspect and criterion', () => {
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks: MARKS, vetoHits: [] });
    expect(score.aspects.map((a) => [a.id, a.awarded])).toEqual([
      ['A1', 10],
      ['A2', 4],
      ['A3', 12],
      ['A4', 20],
      ['A5', 6.67],
      ['A6', 10],
    ]);
    expect(score.criteria).toEqual([
      { id: 'C1', subtotal: 14, max: 10 + 10 },
      { id: 'C2', subtotal: 38.67, max: 20 + 30 + 20 },
      { id: 'C3', subtotal: 10, max: 10 },
    ]);
    expect(score.total).toBe(62.67);
    expect(score.missingMandatory).toEqual([]);
    expect(score.pass).toBe(true);
  });
});

describe('M rules', () => {
  it('pass/fail gives 0 or max', () => {
    expect(aspectAwardCents(aspect('A1'), true)).toBe(1000);
    expect(aspectAwardCents(aspect('A1'), false)).toBe(0);
  });

  it('deduction subtracts per occurrence up to the cap', () => {
    expect(aspectAwardCents(aspect('A2'), 0)).toBe(1000); // 10 − 0
    expect(aspectAwardCents(aspect('A2'), 1)).toBe(800); // 10 − 2
    expect(aspectAwardCents(aspect('A2'), 4)).toBe(200); // 10 − min(8, 8)
    expect(aspectAwardCents(aspect('A2'), 50)).toBe(200); // 10 − min(8, 100): the cap holds
  });

  it('deduction never goes below zero when the cap equals the max', () => {
    const full = { kind: 'M' as const, id: 'X', title: 'x', max: 5, mandatory: false, rule: { type: 'deduction' as const, perOccurrence: 1.5, cap: 5 } };
    expect(aspectAwardCents(full, 3)).toBe(50); // 5 − 4.5 = 0.5
    expect(aspectAwardCents(full, 4)).toBe(0); // 5 − min(5, 6) = 0
  });

  it('tolerance picks the first band that covers the deviation, edges included', () => {
    expect(aspectAwardCents(aspect('A3'), 50)).toBe(2000);
    expect(aspectAwardCents(aspect('A3'), 49.5)).toBe(2000); // deviation 0.5, on the edge
    expect(aspectAwardCents(aspect('A3'), 50.51)).toBe(1200);
    expect(aspectAwardCents(aspect('A3'), 49)).toBe(1200); // deviation 1 exactly
    expect(aspectAwardCents(aspect('A3'), 52)).toBe(500);
    expect(aspectAwardCents(aspect('A3'), 52.01)).toBe(0); // outside every band
  });

  it('tolerance is not fooled by binary floating point on a band edge', () => {
    const fine = { kind: 'M' as const, id: 'X', title: 'x', max: 10, mandatory: false, rule: { type: 'tolerance' as const, nominal: 50, unit: 'mm', bands: [{ within: 0.1, mark: 10 }] } };
    // 50.1 − 50 = 0.10000000000000142 in doubles; it is on the edge, so full marks
    expect(aspectAwardCents(fine, 50.1)).toBe(1000);
    expect(aspectAwardCents(fine, 50.11)).toBe(0);
  });

  it('a value of the wrong type counts as unmarked', () => {
    expect(aspectAwardCents(aspect('A1'), 1)).toBeNull();
    expect(aspectAwardCents(aspect('A2'), 1.5)).toBeNull();
    expect(aspectAwardCents(aspect('A4'), 4)).toBeNull();
    expect(aspectAwardCents(aspect('A4'), undefined)).toBeNull();
  });
});

describe('vetoes on one sheet', () => {
  it('zero_aspect zeroes its aspect: 62.67 − 12 = 50.67 → fail', () => {
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks: MARKS, vetoHits: [veto('V1')] });
    expect(score.aspects.find((a) => a.id === 'A3')).toMatchObject({ awarded: 0, vetoed: true });
    expect(score.total).toBe(50.67);
    expect(score.pass).toBe(false);
    expect(score.vetoHits).toEqual([{ vetoId: 'V1', effect: 'zero_aspect' }]);
  });

  it('zero_criterion zeroes every aspect of its criterion: 14 + 0 + 10 = 24', () => {
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks: MARKS, vetoHits: [veto('V2')] });
    expect(score.criteria.map((c) => c.subtotal)).toEqual([14, 0, 10]);
    expect(score.total).toBe(24);
  });

  it('fail_all fails whatever the total, which still shows what was done', () => {
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks: MARKS, vetoHits: [veto('V3')] });
    expect(score.total).toBe(62.67);
    expect(score.failAll).toBe(true);
    expect(score.pass).toBe(false);
  });
});

describe('mandatory aspects and the pass mark', () => {
  it('a missing mandatory aspect fails a sheet that would otherwise pass', () => {
    // everything at max except A4 (mandatory) unmarked: 10 + 10 + 20 + 0 + 20 + 10 = 70 ≥ 60, yet fail
    const marks: AspectMark[] = [
      { aspectId: 'A1', value: true },
      { aspectId: 'A2', value: 0 },
      { aspectId: 'A3', value: 50 },
      { aspectId: 'A5', value: 3 },
      { aspectId: 'A6', value: 3 },
    ];
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks, vetoHits: [] });
    expect(score.total).toBe(70);
    expect(score.missingMandatory).toEqual(['A4']);
    expect(score.pass).toBe(false);
  });

  it('a mandatory aspect marked with an unusable value is still missing', () => {
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks: [{ aspectId: 'A1', value: 7 }], vetoHits: [] });
    expect(score.missingMandatory).toEqual(['A1', 'A4']);
  });

  // 10 + 10 + 20 + 30×1/3 + 20×1/3 + 10×1/3 = 10 + 10 + 20 + 10 + 6.67 + 3.33 = 60.00 exactly
  const AT_60: AspectMark[] = [
    { aspectId: 'A1', value: true },
    { aspectId: 'A2', value: 0 },
    { aspectId: 'A3', value: 50 },
    { aspectId: 'A4', value: 1 },
    { aspectId: 'A5', value: 1 },
    { aspectId: 'A6', value: 1 },
  ];

  it('exactly the pass mark passes', () => {
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks: AT_60, vetoHits: [] });
    expect(score.total).toBe(60);
    expect(score.pass).toBe(true);
  });

  it('one hundredth below the pass mark fails', () => {
    const stricter = MarkingScheme.parse({ ...EXAMPLE_SCHEME_INPUT, passMark: 60.01 });
    expect(scoreMarkSheet(stricter, { marks: AT_60, vetoHits: [] }).pass).toBe(false);
  });

  it('ignores marks for unknown aspects and keeps the first of a duplicate', () => {
    const score = scoreMarkSheet(EXAMPLE_SCHEME, { marks: [...AT_60.slice(0, 1), { aspectId: 'A1', value: false }, { aspectId: 'ZZ', value: 3 }, ...AT_60.slice(1)], vetoHits: [] });
    expect(score.total).toBe(60);
  });
});
