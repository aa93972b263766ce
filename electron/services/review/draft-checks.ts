import type { ReviewDraft } from '../../../shared/contract/ipc/review-channels';
import { draftMarksAndVetoes } from '../../../shared/contract/ipc/review-draft-sheet';
import { ServiceError, type FieldIssue } from '../../../shared/contract/result';
import type { MarkSheet } from '../../../shared/domain/review/mark-sheet';
import { validateMarkSheetAgainstScheme, type MarkSheetIssue } from '../../../shared/domain/review/validate-mark-sheet';
import { schemeAspects, type MarkingScheme } from '../../../shared/domain/scheme/marking-scheme';

/** What a draft may never hold, even half-finished: a value its aspect cannot take, or an id the scheme lacks. */
const ALWAYS_WRONG = new Set<MarkSheetIssue['code']>(['unknownAspect', 'duplicateAspect', 'valueType', 'valueOutOfRange', 'unknownVeto', 'duplicateVeto']);

export const issuesToFields = (issues: readonly MarkSheetIssue[]): FieldIssue[] =>
  issues.map((issue) => ({ path: issue.path, message: `review.issues.${issue.code}`, code: issue.aspectId ?? issue.vetoId ?? issue.code }));

/**
 * Refuses a draft that could not be scored as entered (issue 5: "scores outside an aspect's range are impossible to
 * enter" — the UI prevents it, and the store refuses it too). Missing rationales and evidence are fine in a draft.
 */
export function checkDraftAgainstScheme(scheme: MarkingScheme, draft: ReviewDraft): void {
  const { marks, vetoHits } = draftMarksAndVetoes(draft);
  const probe: MarkSheet = {
    taskId: 'draft', schemeId: scheme.id, schemeVersion: scheme.version, schemeHash: '0'.repeat(64), proxySha256: '0'.repeat(64),
    round: 1, marks, vetoHits, verdict: 'pass', comment: '', previousDecisionHash: null,
  };
  const issues = validateMarkSheetAgainstScheme(scheme, probe).filter((issue) => ALWAYS_WRONG.has(issue.code));
  const aspectIds = new Set(schemeAspects(scheme).map((aspect) => aspect.id));
  const vetoIds = new Set(scheme.vetoRules.map((veto) => veto.id));
  draft.clips.forEach((clip, c) => {
    const target = clip.attachTo;
    if (target && !(target.kind === 'aspect' ? aspectIds : vetoIds).has(target.id)) {
      issues.push({ code: target.kind === 'aspect' ? 'unknownAspect' : 'unknownVeto', path: ['clips', c, 'attachTo'], aspectId: target.id });
    }
  });
  if (issues.length > 0) throw new ServiceError('VALIDATION', 'review.errors.draftInvalid', { issues: issuesToFields(issues) });
}
