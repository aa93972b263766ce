import type { ReviewDraft } from '../../../../shared/contract/ipc/review-channels';

/** A complete draft on the example scheme (hand-computed 68 with veto V1 and its evidence clip), ready to submit. */
export const EXAMPLE_DRAFT: ReviewDraft = {
  marks: [
    { aspectId: 'A1', value: true, rationale: '' },
    { aspectId: 'A2', value: 1, rationale: '' },
    { aspectId: 'A3', value: 50.8, rationale: '' },
    { aspectId: 'A4', value: 2, rationale: '' },
    { aspectId: 'A5', value: 3, rationale: '动作规范到位' },
    { aspectId: 'A6', value: 3, rationale: '清理彻底并自检' },
  ],
  vetoHits: [{ vetoId: 'V1', rationale: '测量读数被遮挡后改写' }],
  clips: [{ id: 'c1', fromFrame: 10, toFrame: 30, note: '改写读数', attachTo: { kind: 'veto', id: 'V1' } }],
  verdict: 'pass',
  comment: '',
  positionFrame: 30,
  focusedAspectId: 'A6',
};
