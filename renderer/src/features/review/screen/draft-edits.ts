import type { ClipTarget, DraftClip, DraftMark, ReviewDraft } from '../../../../../shared/contract/ipc/review-channels';
import { JUDGEMENT_MAX_SCORE, type Aspect } from '../../../../../shared/domain/scheme/aspect';
import { schemeAspects, type MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';

/** Pure edits of a draft: each returns a new draft, so every change is one save of the whole. */

function withMark(draft: ReviewDraft, aspectId: string, change: (mark: DraftMark) => DraftMark): ReviewDraft {
  const existing = draft.marks.find((mark) => mark.aspectId === aspectId) ?? { aspectId, value: null, rationale: '' };
  const next = change(existing);
  const others = draft.marks.filter((mark) => mark.aspectId !== aspectId);
  return { ...draft, marks: next.value === null && next.rationale === '' ? others : [...others, next] };
}

export const setMarkValue = (draft: ReviewDraft, aspectId: string, value: DraftMark['value']): ReviewDraft =>
  withMark(draft, aspectId, (mark) => ({ ...mark, value }));

export const setMarkRationale = (draft: ReviewDraft, aspectId: string, rationale: string): ReviewDraft =>
  withMark(draft, aspectId, (mark) => ({ ...mark, rationale }));

export function setVetoHit(draft: ReviewDraft, vetoId: string, hit: boolean): ReviewDraft {
  const others = draft.vetoHits.filter((veto) => veto.vetoId !== vetoId);
  const existing = draft.vetoHits.find((veto) => veto.vetoId === vetoId);
  return { ...draft, vetoHits: hit ? [...others, existing ?? { vetoId, rationale: '' }] : others };
}

export const setVetoRationale = (draft: ReviewDraft, vetoId: string, rationale: string): ReviewDraft => ({
  ...draft,
  vetoHits: draft.vetoHits.map((veto) => (veto.vetoId === vetoId ? { ...veto, rationale } : veto)),
});

export function addClip(draft: ReviewDraft, fromFrame: number, toFrame: number, attachTo: ClipTarget | null): ReviewDraft {
  const id = `c${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const clip: DraftClip = { id, fromFrame: Math.min(fromFrame, toFrame), toFrame: Math.max(fromFrame, toFrame), note: '', attachTo };
  return { ...draft, clips: [...draft.clips, clip] };
}

export const updateClip = (draft: ReviewDraft, clipId: string, patch: Partial<Pick<DraftClip, 'note' | 'attachTo'>>): ReviewDraft => ({
  ...draft,
  clips: draft.clips.map((clip) => (clip.id === clipId ? { ...clip, ...patch } : clip)),
});

export const removeClip = (draft: ReviewDraft, clipId: string): ReviewDraft => ({ ...draft, clips: draft.clips.filter((clip) => clip.id !== clipId) });

/** Judgement aspects in scheme order: the ones the 0–3 keys walk through. */
export const judgementAspectIds = (scheme: MarkingScheme): string[] =>
  schemeAspects(scheme).filter((aspect) => aspect.kind === 'J').map((aspect) => aspect.id);

/**
 * Keys 0–3 on the focused judgement aspect: scores it and moves focus to the next judgement aspect (the last one keeps
 * focus). Only whole scores 0..3 exist here, so an out-of-range score cannot be entered.
 */
export function scoreFocused(draft: ReviewDraft, scheme: MarkingScheme, score: number): ReviewDraft {
  const ids = judgementAspectIds(scheme);
  const focused = draft.focusedAspectId && ids.includes(draft.focusedAspectId) ? draft.focusedAspectId : ids[0];
  if (!focused || !Number.isInteger(score) || score < 0 || score > JUDGEMENT_MAX_SCORE) return draft;
  const next = ids[ids.indexOf(focused) + 1] ?? focused;
  return { ...setMarkValue(draft, focused, score), focusedAspectId: next };
}

/** A score of 0 or 3 on a judgement must be explained (validateMarkSheetAgainstScheme checks the same). */
export const needsRationale = (aspect: Aspect, value: DraftMark['value']): boolean =>
  aspect.kind === 'J' && (value === 0 || value === JUDGEMENT_MAX_SCORE);
