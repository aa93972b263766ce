import { describe, expect, it } from 'vitest';
import type { MarkSheetInput } from './mark-sheet';
import { markSheetContentForSigning } from './decision-payload';

const sheet: MarkSheetInput = {
  taskId: 't1',
  schemeId: 's1',
  schemeVersion: 1,
  schemeHash: 'a'.repeat(64),
  proxySha256: 'b'.repeat(64),
  round: 1,
  marks: [{ aspectId: 'A4', value: 2, evidence: [{ fromFrame: 1, toFrame: 2 }] }],
  vetoHits: [],
  verdict: 'pass',
  previousDecisionHash: null,
};

describe('markSheetContentForSigning', () => {
  it('is canonical JSON with defaults filled and keys sorted', () => {
    expect(markSheetContentForSigning(sheet)).toBe(
      '{"comment":"","marks":[{"aspectId":"A4","evidence":[{"fromFrame":1,"note":"","toFrame":2}],"value":2}],' +
        `"previousDecisionHash":null,"proxySha256":"${'b'.repeat(64)}","round":1,"schemeHash":"${'a'.repeat(64)}",` +
        '"schemeId":"s1","schemeVersion":1,"taskId":"t1","verdict":"pass","vetoHits":[]}',
    );
  });

  it('treats an undefined optional field as absent, and ignores unknown keys', () => {
    const withUndefined = { ...sheet, marks: [{ ...sheet.marks[0]!, rationale: undefined }], extra: 1 } as MarkSheetInput;
    expect(markSheetContentForSigning(withUndefined)).toBe(markSheetContentForSigning(sheet));
  });

  it('changes when a mark changes', () => {
    expect(markSheetContentForSigning({ ...sheet, marks: [{ aspectId: 'A4', value: 3 }] })).not.toBe(markSheetContentForSigning(sheet));
  });

  it('refuses an invalid sheet', () => {
    expect(() => markSheetContentForSigning({ ...sheet, verdict: 'maybe' as 'pass' })).toThrow();
  });
});
