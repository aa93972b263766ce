import type { AspectMark, EvidenceClip, VetoHit } from '../../domain/review/mark-sheet';
import type { DraftClip, ReviewDraft } from './review-channels';

const toEvidence = (clip: DraftClip): EvidenceClip => ({ fromFrame: clip.fromFrame, toFrame: clip.toFrame, note: clip.note.trim() });

const clipsFor = (draft: ReviewDraft, kind: 'aspect' | 'veto', id: string): EvidenceClip[] =>
  draft.clips.filter((clip) => clip.attachTo?.kind === kind && clip.attachTo.id === id).map(toEvidence);

/**
 * The marks and veto hits a draft stands for, in the MarkSheet's shape: unmarked aspects left out, evidence taken
 * from the clips attached to each aspect or veto, empty rationales omitted. The live preview (renderer) and the
 * signed decision (back end) both use this, so what the expert sees totalled is what gets signed.
 */
export function draftMarksAndVetoes(draft: ReviewDraft): { marks: AspectMark[]; vetoHits: VetoHit[] } {
  const marks: AspectMark[] = [];
  for (const mark of draft.marks) {
    if (mark.value === null) continue;
    const evidence = clipsFor(draft, 'aspect', mark.aspectId);
    const rationale = mark.rationale.trim();
    marks.push({
      aspectId: mark.aspectId,
      value: mark.value,
      ...(rationale ? { rationale } : {}),
      ...(evidence.length > 0 ? { evidence } : {}),
    });
  }
  const vetoHits: VetoHit[] = draft.vetoHits.map((veto) => ({
    vetoId: veto.vetoId,
    evidence: clipsFor(draft, 'veto', veto.vetoId),
    rationale: veto.rationale.trim(),
  }));
  return { marks, vetoHits };
}

/** A draft's mark for one aspect, or undefined when it has none. */
export const draftMark = (draft: ReviewDraft, aspectId: string) => draft.marks.find((mark) => mark.aspectId === aspectId);

/** Why a clip of the draft is not in the signed sheet. */
export type ClipLeftOutReason = 'unattached' | 'aspectUnmarked' | 'vetoNotHit';

export interface ClipLeftOut {
  clip: DraftClip;
  reason: ClipLeftOutReason;
}

/**
 * The clips draftMarksAndVetoes does not carry into the sheet: attached to nothing, to an aspect without a score, or
 * to a veto that is not ticked. The submit dialog lists them before signing, so no evidence drops out unnoticed.
 */
export function clipsLeftOut(draft: ReviewDraft): ClipLeftOut[] {
  const marked = new Set(draft.marks.filter((mark) => mark.value !== null).map((mark) => mark.aspectId));
  const hit = new Set(draft.vetoHits.map((veto) => veto.vetoId));
  const out: ClipLeftOut[] = [];
  for (const clip of draft.clips) {
    const target = clip.attachTo;
    if (target === null) out.push({ clip, reason: 'unattached' });
    else if (target.kind === 'aspect' && !marked.has(target.id)) out.push({ clip, reason: 'aspectUnmarked' });
    else if (target.kind === 'veto' && !hit.has(target.id)) out.push({ clip, reason: 'vetoNotHit' });
  }
  return out;
}
