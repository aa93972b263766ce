import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AspectMark } from '../review/mark-sheet';
import { schemeAspects } from '../scheme/marking-scheme';
import type { Aspect } from '../scheme/aspect';
import { aggregateDecisions, type DecisionSheet } from './aggregate-decisions';
import { EXAMPLE_SCHEME } from './example-scheme';
import { scoreMarkSheet } from './score-mark-sheet';

const ASPECTS = schemeAspects(EXAMPLE_SCHEME);
const VETO_IDS = EXAMPLE_SCHEME.vetoRules.map((veto) => veto.id);

/** A value of the right kind for the aspect, or undefined (unmarked). */
function valueFor(aspect: Aspect): fc.Arbitrary<boolean | number | undefined> {
  const marked: fc.Arbitrary<boolean | number> =
    aspect.kind === 'J'
      ? fc.integer({ min: 0, max: 3 })
      : aspect.rule.type === 'pass_fail'
        ? fc.boolean()
        : aspect.rule.type === 'deduction'
          ? fc.integer({ min: 0, max: 20 })
          : fc.double({ min: 40, max: 60, noNaN: true });
  return fc.option(marked, { nil: undefined, freq: 8 });
}

const marksArb = fc.tuple(...ASPECTS.map(valueFor)).map((values) =>
  values.flatMap((value, i): AspectMark[] => (value === undefined ? [] : [{ aspectId: ASPECTS[i]!.id, value }])),
);
const clip = [{ fromFrame: 0, toFrame: 1, note: '' }];
const vetoHitsArb = fc.subarray(VETO_IDS).map((ids) => ids.map((vetoId) => ({ vetoId, evidence: clip, rationale: 'r' })));
const sheetArb = (withVetoes: boolean): fc.Arbitrary<DecisionSheet> =>
  fc.record({
    schemeId: fc.constant(EXAMPLE_SCHEME.id),
    schemeVersion: fc.constant(EXAMPLE_SCHEME.version),
    round: fc.constant(1),
    marks: marksArb,
    vetoHits: withVetoes ? vetoHitsArb : fc.constant([]),
    verdict: fc.constantFrom('pass' as const, 'fail' as const, 'return' as const),
  });

/** The same marks with one aspect improved by one step, or null if it is already at its best. */
function improve(marks: AspectMark[], aspect: Aspect & { criterionId: string }): AspectMark[] | null {
  const current = marks.find((mark) => mark.aspectId === aspect.id)?.value;
  let better: boolean | number;
  if (aspect.kind === 'J') better = current === undefined ? 0 : (current as number) + 1;
  else if (aspect.rule.type === 'pass_fail') better = true;
  else if (aspect.rule.type === 'deduction') better = current === undefined ? 20 : (current as number) - 1;
  else {
    // halve the deviation from nominal (unmarked → as far as the generator goes)
    const nominal = aspect.rule.nominal;
    better = current === undefined ? 60 : nominal + ((current as number) - nominal) / 2;
  }
  if ((aspect.kind === 'J' && (better as number) > 3) || (typeof better === 'number' && aspect.kind === 'M' && aspect.rule.type === 'deduction' && better < 0)) {
    return null;
  }
  const others = marks.filter((mark) => mark.aspectId !== aspect.id);
  return [...others, { aspectId: aspect.id, value: better }];
}

describe('scoring properties', () => {
  it('a sheet total is always within [0, 100] and equals the sum of its criteria', () => {
    fc.assert(
      fc.property(sheetArb(true), (sheet) => {
        const score = scoreMarkSheet(EXAMPLE_SCHEME, sheet);
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(100);
        const sum = score.criteria.reduce((total, c) => total + Math.round(c.subtotal * 100), 0);
        expect(Math.round(score.total * 100)).toBe(sum);
      }),
    );
  });

  it('improving any one aspect never lowers a sheet total (no vetoes)', () => {
    fc.assert(
      fc.property(marksArb, fc.constantFrom(...ASPECTS), (marks, aspect) => {
        const better = improve(marks, aspect);
        fc.pre(better !== null);
        const before = scoreMarkSheet(EXAMPLE_SCHEME, { marks, vetoHits: [] }).total;
        const after = scoreMarkSheet(EXAMPLE_SCHEME, { marks: better!, vetoHits: [] }).total;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('improving one expert on one aspect never lowers the aggregate total (no vetoes)', () => {
    fc.assert(
      fc.property(fc.array(sheetArb(false), { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom(...ASPECTS), (sheets, pick, aspect) => {
        const at = pick % sheets.length;
        const better = improve(sheets[at]!.marks, aspect);
        fc.pre(better !== null);
        const improved = sheets.map((sheet, i) => (i === at ? { ...sheet, marks: better! } : sheet));
        expect(aggregateDecisions(EXAMPLE_SCHEME, improved).total).toBeGreaterThanOrEqual(aggregateDecisions(EXAMPLE_SCHEME, sheets).total);
      }),
    );
  });

  it('the aggregate is within [0, 100] and does not depend on the order of the experts', () => {
    fc.assert(
      fc.property(
        fc.array(sheetArb(true), { minLength: 1, maxLength: 6 }).chain((sheets) => fc.tuple(fc.constant(sheets), fc.shuffledSubarray(sheets, { minLength: sheets.length }))),
        ([sheets, shuffled]) => {
          const result = aggregateDecisions(EXAMPLE_SCHEME, sheets);
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(result.total).toBeLessThanOrEqual(100);
          expect(aggregateDecisions(EXAMPLE_SCHEME, shuffled)).toEqual(result);
        },
      ),
    );
  });

  it('one expert aggregates to exactly that expert’s own sheet score', () => {
    fc.assert(
      fc.property(sheetArb(true), (sheet) => {
        const own = scoreMarkSheet(EXAMPLE_SCHEME, sheet);
        const panel = aggregateDecisions(EXAMPLE_SCHEME, [sheet]);
        expect(panel.total).toBe(own.total);
        expect(panel.failAll).toBe(own.failAll);
        expect(panel.missingMandatory).toEqual(own.missingMandatory);
      }),
    );
  });
});
