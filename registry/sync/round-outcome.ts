import { aggregateDecisions, type AggregateOutcome } from '../../shared/domain/scoring/aggregate-decisions.js';
import { MarkSheet } from '../../shared/domain/review/mark-sheet.js';
import { canTransition, type SubmissionState } from '../../shared/domain/submission/submission-state.js';
import type { RegistryContext } from '../context.js';
import type { RegistryDb } from '../db/connection.js';
import { precompile, type SlotOf } from '../db/precompiled-query.js';
import { forgetReadAhead } from '../db/read-ahead.js';
import type { SubmissionsTable } from '../db/schema.js';
import { roundHasOpenTask, tasksOfRound } from '../db/tasks-repository.js';
import { isActiveTask, openNextRound } from '../review/assignment.js';
import { publishSubmission } from '../review/publish.js';
import { loadScheme } from '../routes/scheme-routes.js';

// Both run for every panel a push completes.
const roundDecisions = precompile((db, slot: SlotOf<{ submissionId: string; round: number }>) =>
  db.selectFrom('decisions').select(['mark_sheet', 'task_id']).where('submission_id', '=', slot('submissionId')).where('round', '=', slot('round')));
const updateOutcome = precompile((db, slot: SlotOf<Pick<SubmissionsTable, 'id' | 'state' | 'result' | 'version' | 'updated_at'>>) =>
  db.updateTable('submissions').set({ state: slot('state'), result: slot('result'), version: slot('version'), updated_at: slot('updated_at') }).where('id', '=', slot('id')));

/**
 * Once every active task of the round has a decision (and at least the scheme's number of experts decided), the
 * registry computes the authoritative result with the same shared/domain function the workstation uses live.
 * A judgement discrepancy keeps the submission in review and opens the next round for the same experts.
 */
export async function aggregateRoundIfComplete(trx: RegistryDb, context: RegistryContext, submission: SubmissionsTable, round: number): Promise<AggregateOutcome | 'pending'> {
  const submissionId = submission.id;
  if (submission.state !== 'in_review' || submission.round !== round) return 'pending';
  // Most decisions are not the panel's last: answer those from the round's task states, before reading its tasks and the scheme.
  if (await roundHasOpenTask(trx, submissionId, round)) return 'pending';
  const active = (await tasksOfRound(trx, submissionId, round)).filter(isActiveTask);
  const scheme = await loadScheme(trx, submission.scheme_id, submission.scheme_version);
  if (!scheme || active.length < scheme.scheme.expertsPerSubmission) return 'pending';

  const decisions = await roundDecisions.rows(trx, { submissionId, round });
  const activeIds = new Set(active.map((task) => task.id));
  const sheets = decisions.filter((row) => activeIds.has(row.task_id)).map((row) => MarkSheet.parse(JSON.parse(row.mark_sheet)));
  const result = aggregateDecisions(scheme.scheme, sheets);
  const now = context.now();

  if (result.outcome === 'discrepancy') {
    const history = { ...result, round };
    forgetReadAhead(trx, 'submissions', submissionId);
    await trx.updateTable('submissions').set({ result: JSON.stringify(history) }).where('id', '=', submissionId).execute();
    await openNextRound(trx, context, { ...submission, result: JSON.stringify(history) }, active.map((task) => task.expert_account_id));
    return 'discrepancy';
  }
  const to: SubmissionState = result.outcome;
  if (!canTransition('in_review', to)) throw new Error(`aggregate outcome ${to} is not a state after in_review`);
  const stored = JSON.stringify({ ...result, round, ...(to === 'returned' ? { returnReason: 'review.reRecord' } : {}) });
  const updated = { ...submission, state: to, result: stored, version: submission.version + 1, updated_at: now.toISOString() };
  forgetReadAhead(trx, 'submissions', submissionId);
  await updateOutcome.run(trx, updated);
  await publishSubmission(trx, updated, now);
  return result.outcome;
}
