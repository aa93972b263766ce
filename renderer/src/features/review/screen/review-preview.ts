import type { DraftClip, ReviewDraft } from '../../../../../shared/contract/ipc/review-channels';
import { clipsLeftOut, draftMarksAndVetoes, type ClipLeftOutReason } from '../../../../../shared/contract/ipc/review-draft-sheet';
import type { MarkSheet } from '../../../../../shared/domain/review/mark-sheet';
import { validateMarkSheetAgainstScheme, type MarkSheetIssueCode } from '../../../../../shared/domain/review/validate-mark-sheet';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import { scoreMarkSheet, type SheetScore } from '../../../../../shared/domain/scoring/score-mark-sheet';

export type PreviewIssueCode = MarkSheetIssueCode | 'vetoEvidenceRequired' | 'vetoRationaleRequired' | 'verdictRequired';

export interface PreviewIssue {
  code: PreviewIssueCode;
  id: string;
}

/**
 * Evidence the signed decision will not carry, grouped: clips attached to nothing (`id` empty), or to one aspect
 * without a score / one veto not ticked (`id` = that aspect or veto). Not a blocker (a clip may have been a note to
 * self), but the expert sees it before signing instead of finding it missing later.
 */
export interface PreviewWarning {
  code: ClipLeftOutReason;
  id: string;
  clips: DraftClip[];
}

export interface ReviewPreview {
  score: SheetScore;
  /** What stops a submit; the same checks the back end and the registry run, plus the veto clip/rationale rules. */
  issues: PreviewIssue[];
  /** What is signed without, shown in the submit dialog; never blocks. */
  warnings: PreviewWarning[];
}

/** Live total, subtotals and pass/fail from the same shared/domain function the registry uses for the result. */
export function previewDraft(scheme: MarkingScheme, draft: ReviewDraft): ReviewPreview {
  const { marks, vetoHits } = draftMarksAndVetoes(draft);
  const score = scoreMarkSheet(scheme, { marks, vetoHits });
  const sheet: MarkSheet = {
    taskId: 'preview', schemeId: scheme.id, schemeVersion: scheme.version, schemeHash: '0'.repeat(64), proxySha256: '0'.repeat(64),
    round: 1, marks, vetoHits, verdict: draft.verdict ?? 'pass', comment: draft.comment, previousDecisionHash: null,
  };
  const issues: PreviewIssue[] = validateMarkSheetAgainstScheme(scheme, sheet, { requireMandatory: true })
    .map((issue) => ({ code: issue.code, id: issue.aspectId ?? issue.vetoId ?? '' }));
  for (const hit of vetoHits) {
    if (hit.evidence.length === 0) issues.push({ code: 'vetoEvidenceRequired', id: hit.vetoId });
    if (hit.rationale === '') issues.push({ code: 'vetoRationaleRequired', id: hit.vetoId });
  }
  if (draft.verdict === null) issues.push({ code: 'verdictRequired', id: '' });
  return { score, issues, warnings: leftOutWarnings(draft) };
}

function leftOutWarnings(draft: ReviewDraft): PreviewWarning[] {
  const groups = new Map<string, PreviewWarning>();
  for (const { clip, reason } of clipsLeftOut(draft)) {
    const id = reason === 'unattached' ? '' : (clip.attachTo?.id ?? '');
    const key = `${reason}:${id}`;
    const group = groups.get(key) ?? { code: reason, id, clips: [] };
    group.clips.push(clip);
    groups.set(key, group);
  }
  const order: Record<ClipLeftOutReason, number> = { unattached: 0, aspectUnmarked: 1, vetoNotHit: 2 };
  return [...groups.values()].sort((a, b) => order[a.code] - order[b.code] || a.id.localeCompare(b.id));
}
