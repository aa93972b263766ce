import { createHash } from 'node:crypto';
import type { ReviewDraft } from '../../../shared/contract/ipc/review-channels';
import { draftMarksAndVetoes } from '../../../shared/contract/ipc/review-draft-sheet';
import { ServiceError } from '../../../shared/contract/result';
import { markSheetContentForSigning } from '../../../shared/domain/review/decision-payload';
import { MarkSheet, type MarkSheetInput } from '../../../shared/domain/review/mark-sheet';
import { validateMarkSheetAgainstScheme } from '../../../shared/domain/review/validate-mark-sheet';
import type { MarkingScheme } from '../../../shared/domain/scheme/marking-scheme';
import { issuesToFields } from './draft-checks';

export interface DecisionContext {
  taskId: string;
  round: number;
  scheme: MarkingScheme;
  schemeHash: string;
  proxySha256: string;
  previousDecisionHash: string | null;
}

export interface BuiltDecision {
  /** The exact bytes signed, and the sheet as it travels (the parse of those bytes, so the registry re-derives them). */
  content: string;
  sheet: MarkSheet;
  decisionHash: string;
}

/**
 * Draft → the canonical mark sheet an expert signs (issue 5 "decision"): task, scheme version and hash, proxy sha256,
 * marks with their evidence, veto hits, verdict and the previous decision's hash. Refuses (VALIDATION, issues listed)
 * anything the registry would reject: a veto without evidence or rationale, an extreme judgement without a
 * rationale, an unmarked mandatory aspect, a missing verdict.
 */
export function buildDecision(context: DecisionContext, draft: ReviewDraft): BuiltDecision {
  if (draft.verdict === null) {
    throw new ServiceError('VALIDATION', 'review.errors.verdictRequired', { issues: [{ path: ['verdict'], message: 'review.issues.verdictRequired', code: 'verdict' }] });
  }
  const { marks, vetoHits } = draftMarksAndVetoes(draft);
  const input: MarkSheetInput = {
    taskId: context.taskId,
    schemeId: context.scheme.id,
    schemeVersion: context.scheme.version,
    schemeHash: context.schemeHash,
    proxySha256: context.proxySha256,
    round: context.round,
    marks,
    vetoHits,
    verdict: draft.verdict,
    comment: draft.comment,
    previousDecisionHash: context.previousDecisionHash,
  };
  const parsed = MarkSheet.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError('VALIDATION', 'review.errors.sheetInvalid', {
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
        code: issue.code,
      })),
    });
  }
  const issues = validateMarkSheetAgainstScheme(context.scheme, parsed.data, { requireMandatory: true });
  if (issues.length > 0) throw new ServiceError('VALIDATION', 'review.errors.sheetInvalid', { issues: issuesToFields(issues) });
  const content = markSheetContentForSigning(parsed.data);
  return {
    content,
    sheet: MarkSheet.parse(JSON.parse(content)),
    decisionHash: createHash('sha256').update(content, 'utf8').digest('hex'),
  };
}
