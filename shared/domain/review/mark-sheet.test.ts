import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCHEME } from '../scoring/example-scheme';
import { MarkSheet, type MarkSheetInput } from './mark-sheet';
import { validateMarkSheetAgainstScheme } from './validate-mark-sheet';

const HASH = 'a'.repeat(64);
const sheetInput = (overrides: Partial<MarkSheetInput> = {}): MarkSheetInput => ({
  taskId: 't1',
  schemeId: 'scheme-welder-l3',
  schemeVersion: 1,
  schemeHash: HASH,
  proxySha256: 'b'.repeat(64),
  round: 1,
  marks: [
    { aspectId: 'A1', value: true },
    { aspectId: 'A2', value: 1 },
    { aspectId: 'A3', value: 50.2 },
    { aspectId: 'A4', value: 2, evidence: [{ fromFrame: 10, toFrame: 40, note: '焊缝' }] },
    { aspectId: 'A5', value: 1 },
    { aspectId: 'A6', value: 3, rationale: '清理彻底并自检' },
  ],
  vetoHits: [],
  verdict: 'pass',
  comment: '',
  previousDecisionHash: null,
  ...overrides,
});

describe('MarkSheet schema', () => {
  it('parses a complete sheet', () => {
    expect(MarkSheet.safeParse(sheetInput()).success).toBe(true);
  });

  it('rejects reversed or negative frame ranges', () => {
    const reversed = sheetInput({ marks: [{ aspectId: 'A4', value: 2, evidence: [{ fromFrame: 41, toFrame: 40, note: '' }] }] });
    expect(MarkSheet.safeParse(reversed).error?.issues[0]?.message).toBe('evidence.rangeReversed');
    const negative = sheetInput({ marks: [{ aspectId: 'A4', value: 2, evidence: [{ fromFrame: -1, toFrame: 40, note: '' }] }] });
    expect(MarkSheet.safeParse(negative).success).toBe(false);
    const fractional = sheetInput({ marks: [{ aspectId: 'A4', value: 2, evidence: [{ fromFrame: 1.5, toFrame: 40, note: '' }] }] });
    expect(MarkSheet.safeParse(fractional).success).toBe(false);
  });

  it('rejects a veto without evidence or rationale', () => {
    const noEvidence = sheetInput({ vetoHits: [{ vetoId: 'V3', evidence: [], rationale: '未戴护目镜' }] });
    expect(MarkSheet.safeParse(noEvidence).error?.issues[0]?.message).toBe('vetoHit.evidenceRequired');
    const noRationale = sheetInput({ vetoHits: [{ vetoId: 'V3', evidence: [{ fromFrame: 1, toFrame: 2, note: '' }], rationale: '  ' }] });
    expect(MarkSheet.safeParse(noRationale).error?.issues[0]?.message).toBe('vetoHit.rationaleRequired');
  });

  it('rejects non-finite values and a malformed hash', () => {
    expect(MarkSheet.safeParse(sheetInput({ marks: [{ aspectId: 'A3', value: Number.NaN }] })).success).toBe(false);
    expect(MarkSheet.safeParse(sheetInput({ schemeHash: 'A'.repeat(64) })).success).toBe(false);
  });
});

describe('validateMarkSheetAgainstScheme', () => {
  const validate = (overrides: Partial<MarkSheetInput>, requireMandatory = false) =>
    validateMarkSheetAgainstScheme(EXAMPLE_SCHEME, MarkSheet.parse(sheetInput(overrides)), { requireMandatory });

  it('finds nothing wrong with a good sheet', () => {
    expect(validate({}, true)).toEqual([]);
  });

  it('reports unknown and duplicate aspects', () => {
    const issues = validate({ marks: [{ aspectId: 'A9', value: 1 }, { aspectId: 'A5', value: 1 }, { aspectId: 'A5', value: 2 }] });
    expect(issues).toEqual([
      { code: 'unknownAspect', path: ['marks', 0, 'aspectId'], aspectId: 'A9' },
      { code: 'duplicateAspect', path: ['marks', 2, 'aspectId'], aspectId: 'A5' },
    ]);
  });

  it('reports values that do not fit the aspect', () => {
    const issues = validate({
      marks: [
        { aspectId: 'A1', value: 1 }, // pass/fail wants a boolean
        { aspectId: 'A2', value: 1.5 }, // occurrences are whole
        { aspectId: 'A3', value: true }, // a measurement is a number
        { aspectId: 'A4', value: 4 }, // judgement 0..3
        { aspectId: 'A5', value: 1.5 },
        { aspectId: 'A6', value: false },
      ],
    });
    expect(issues.map((issue) => [issue.aspectId, issue.code])).toEqual([
      ['A1', 'valueType'],
      ['A2', 'valueOutOfRange'],
      ['A3', 'valueType'],
      ['A4', 'valueOutOfRange'],
      ['A5', 'valueOutOfRange'],
      ['A6', 'valueType'],
    ]);
  });

  it('requires a rationale for a judgement of 0 or 3, not for 1 or 2', () => {
    const issues = validate({ marks: [{ aspectId: 'A4', value: 0 }, { aspectId: 'A5', value: 3, rationale: '' }, { aspectId: 'A6', value: 2 }] });
    expect(issues.map((issue) => [issue.aspectId, issue.code])).toEqual([
      ['A4', 'rationaleRequired'],
      ['A5', 'rationaleRequired'],
    ]);
  });

  it('reports unknown and duplicate vetoes, and scheme mismatch', () => {
    const clip = [{ fromFrame: 5, toFrame: 9, note: '' }];
    const issues = validate({
      schemeVersion: 2,
      vetoHits: [
        { vetoId: 'V9', evidence: clip, rationale: 'x' },
        { vetoId: 'V3', evidence: clip, rationale: 'x' },
        { vetoId: 'V3', evidence: clip, rationale: 'y' },
      ],
    });
    expect(issues.map((issue) => issue.code)).toEqual(['schemeMismatch', 'unknownVeto', 'duplicateVeto']);
  });

  it('reports unmarked mandatory aspects only when asked (submit, not draft)', () => {
    const marks = [{ aspectId: 'A2', value: 0 }];
    expect(validate({ marks })).toEqual([]);
    expect(validate({ marks }, true).map((issue) => issue.aspectId)).toEqual(['A1', 'A4']);
  });
});
