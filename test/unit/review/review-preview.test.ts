import { describe, expect, it } from 'vitest';
import { EMPTY_REVIEW_DRAFT, type DraftClip, type ReviewDraft } from '../../../shared/contract/ipc/review-channels';
import { clipsLeftOut, draftMarksAndVetoes } from '../../../shared/contract/ipc/review-draft-sheet';
import { MarkingScheme } from '../../../shared/domain/scheme/marking-scheme';
import { EXAMPLE_SCHEME_INPUT } from '../../../shared/domain/scoring/example-scheme';
import { previewDraft } from '../../../renderer/src/features/review/screen/review-preview';

const scheme = MarkingScheme.parse(EXAMPLE_SCHEME_INPUT);

const clip = (id: string, fromFrame: number, toFrame: number, attachTo: DraftClip['attachTo']): DraftClip => ({ id, fromFrame, toFrame, note: '', attachTo });

/** Every aspect marked, V1 ticked with a rationale: 10 + 8 + (A3 zeroed by V1) + 20 + 20 + 10 = 68. */
const complete = (clips: DraftClip[]): ReviewDraft => ({
  ...EMPTY_REVIEW_DRAFT,
  marks: [
    { aspectId: 'A1', value: true, rationale: '' }, { aspectId: 'A2', value: 1, rationale: '' }, { aspectId: 'A3', value: 50.8, rationale: '' },
    { aspectId: 'A4', value: 2, rationale: '' }, { aspectId: 'A5', value: 3, rationale: '规范' }, { aspectId: 'A6', value: 3, rationale: '完整' },
  ],
  vetoHits: [{ vetoId: 'V1', rationale: '读数改写' }],
  clips,
  verdict: 'pass',
});

describe('review preview: evidence the signed decision leaves out', () => {
  it('has no warning when every clip is on a marked aspect or a ticked veto', () => {
    const preview = previewDraft(scheme, complete([clip('c1', 10, 30, { kind: 'veto', id: 'V1' }), clip('c2', 40, 45, { kind: 'aspect', id: 'A5' })]));
    expect(preview.warnings).toEqual([]);
    expect(preview.issues).toEqual([]);
    expect(preview.score.total).toBe(68);
  });

  it('lists unattached clips, clips on an unscored aspect and on an unticked veto, grouped, without blocking the submit', () => {
    const draft = complete([
      clip('c1', 10, 30, { kind: 'veto', id: 'V1' }),
      clip('loose1', 50, 60, null),
      clip('loose2', 70, 75, null),
      clip('onA5', 80, 85, { kind: 'aspect', id: 'A5' }),
      clip('onV3', 90, 95, { kind: 'veto', id: 'V3' }),
    ]);
    draft.marks = draft.marks.map((mark) => (mark.aspectId === 'A5' ? { ...mark, value: null } : mark));
    const preview = previewDraft(scheme, draft);
    expect(preview.warnings.map((w) => [w.code, w.id, w.clips.map((c) => c.id)])).toEqual([
      ['unattached', '', ['loose1', 'loose2']],
      ['aspectUnmarked', 'A5', ['onA5']],
      ['vetoNotHit', 'V3', ['onV3']],
    ]);
    // A5 is not mandatory: the sheet is still complete, so the warnings do not stop it from being signed.
    expect(preview.issues).toEqual([]);
  });

  it('names exactly the clips draftMarksAndVetoes does not carry into the sheet', () => {
    const draft = complete([
      clip('a', 1, 2, { kind: 'aspect', id: 'A4' }), clip('b', 3, 4, null), clip('c', 5, 6, { kind: 'veto', id: 'V2' }), clip('d', 7, 8, { kind: 'veto', id: 'V1' }),
    ]);
    const { marks, vetoHits } = draftMarksAndVetoes(draft);
    const carried = [...marks.flatMap((m) => m.evidence ?? []), ...vetoHits.flatMap((v) => v.evidence)].map((e) => e.fromFrame);
    const leftOut = clipsLeftOut(draft).map((entry) => entry.clip.fromFrame);
    expect([...carried, ...leftOut].sort((x, y) => x - y)).toEqual([1, 3, 5, 7]);
    expect(leftOut).toEqual([3, 5]);
  });

  it('keeps blocking a ticked veto without evidence, while the loose clip meant for it is a warning', () => {
    const preview = previewDraft(scheme, complete([clip('loose', 10, 30, null)]));
    expect(preview.issues).toContainEqual({ code: 'vetoEvidenceRequired', id: 'V1' });
    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]).toMatchObject({ code: 'unattached', id: '' });
  });
});
