import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json';
import { EXAMPLE_SCHEME, EXAMPLE_SCHEME_INPUT } from '../scoring/example-scheme';
import { MarkingScheme, schemeContentForHash, type MarkingSchemeInput } from './marking-scheme';

const clone = (): MarkingSchemeInput => structuredClone(EXAMPLE_SCHEME_INPUT);
const messages = (input: unknown): string[] => MarkingScheme.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('MarkingScheme', () => {
  it('fills the defaults of DESIGN §5', () => {
    expect(EXAMPLE_SCHEME).toMatchObject({ passMark: 60, expertsPerSubmission: 3, judgementMaxSpread: 1, aggregation: 'mean' });
    expect(EXAMPLE_SCHEME.criteria[0]!.aspects[1]!.mandatory).toBe(false);
  });

  it('requires the aspect maxima to total 100', () => {
    const input = clone();
    input.criteria[2]!.aspects[0]!.max = 9.5;
    expect(messages(input)).toEqual(['scheme.totalNot100']);
  });

  it('accepts two-decimal maxima that total exactly 100', () => {
    const input = clone();
    input.criteria[2]!.aspects[0]!.max = 9.99;
    input.criteria[0]!.aspects[1]!.max = 10.01;
    expect(MarkingScheme.safeParse(input).success).toBe(true);
  });

  it('rejects duplicate ids across criteria, aspects and vetoes', () => {
    const input = clone();
    input.criteria[1]!.aspects[1]!.id = 'A1';
    expect(messages(input)).toContain('scheme.duplicateId');
    const vetoClash = clone();
    vetoClash.vetoRules![0]!.id = 'C1';
    expect(messages(vetoClash)).toContain('scheme.duplicateId');
  });

  it('rejects veto targets that do not exist', () => {
    const input = clone();
    input.vetoRules = [
      { id: 'V1', title: 'x', effect: 'zero_aspect', aspectId: 'A9' },
      { id: 'V2', title: 'y', effect: 'zero_criterion', criterionId: 'C9' },
    ];
    expect(messages(input)).toEqual(['scheme.vetoTargetUnknown', 'scheme.vetoTargetUnknown']);
  });

  it('rejects a deduction cap above the aspect maximum', () => {
    const input = clone();
    input.criteria[0]!.aspects[1] = { kind: 'M', id: 'A2', title: 't', max: 10, rule: { type: 'deduction', perOccurrence: 2, cap: 12 } };
    expect(messages(input)).toEqual(['scheme.deductionCapAboveMax']);
  });

  it('rejects tolerance bands that narrow, pay more when wider, or exceed the maximum', () => {
    const input = clone();
    input.criteria[1]!.aspects[0] = {
      kind: 'M',
      id: 'A3',
      title: 't',
      max: 20,
      rule: {
        type: 'tolerance',
        nominal: 50,
        bands: [
          { within: 1, mark: 12 },
          { within: 0.5, mark: 20 },
          { within: 2, mark: 25 },
        ],
      },
    };
    expect(messages(input).sort()).toEqual(['scheme.bandMarkAboveMax', 'scheme.bandMarksIncreasing', 'scheme.bandMarksIncreasing', 'scheme.bandsNotWidening'].sort());
  });

  it('rejects judgement aspects without four descriptors and marks with three decimals', () => {
    const input = clone();
    (input.criteria[2]!.aspects[0] as { descriptors: string[] }).descriptors = ['a', 'b', 'c'];
    expect(MarkingScheme.safeParse(input).success).toBe(false);
    const decimals = clone();
    decimals.passMark = 60.005;
    expect(messages(decimals)).toContain('points.tooManyDecimals');
  });
});

describe('schemeContentForHash', () => {
  it('is canonical JSON of the parsed scheme, independent of key order and omitted defaults', () => {
    const reordered = JSON.parse(JSON.stringify({ ...clone(), passMark: 60, aggregation: 'mean' })) as MarkingSchemeInput;
    const keysReversed = Object.fromEntries(Object.entries(reordered).reverse()) as MarkingSchemeInput;
    expect(schemeContentForHash(keysReversed)).toBe(schemeContentForHash(EXAMPLE_SCHEME_INPUT));
    expect(schemeContentForHash(EXAMPLE_SCHEME_INPUT)).toBe(canonicalJson(EXAMPLE_SCHEME));
    expect(schemeContentForHash(EXAMPLE_SCHEME_INPUT).startsWith('{"aggregation":"mean","criteria":[{"aspects":[{"id":"A1",')).toBe(true);
  });

  it('changes when any content changes', () => {
    const input = clone();
    input.criteria[0]!.aspects[0]!.title = '劳保用品';
    expect(schemeContentForHash(input)).not.toBe(schemeContentForHash(EXAMPLE_SCHEME_INPUT));
  });

  it('refuses an invalid scheme', () => {
    const input = clone();
    input.passMark = 0;
    expect(() => schemeContentForHash(input)).toThrow();
  });
});
