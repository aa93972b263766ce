import { ReviewTaskState } from '../../shared/domain/review/review-task.js';
import type { ReviewTaskView } from '../../shared/contract/registry/domain.js';
import type { RegistryDb } from './connection.js';
import { precompile, type SlotOf } from './precompiled-query.js';
import { takeReadAhead } from './read-ahead.js';
import type { ReviewTasksTable } from './schema.js';

export const ACTIVE_TASK_STATES: readonly ReviewTaskState[] = ['assigned', 'in_progress', 'submitted'];
/** Active and not decided yet. */
const OPEN_TASK_STATES: readonly ReviewTaskState[] = ['assigned', 'in_progress'];

export function taskView(row: ReviewTasksTable): ReviewTaskView {
  return {
    id: row.id, submissionId: row.submission_id, expertId: row.expert_account_id, schemeId: row.scheme_id,
    schemeVersion: row.scheme_version, round: row.round, state: ReviewTaskState.parse(row.state), dueDate: row.due_at,
    version: row.version, replacedBy: row.replaced_by, statusReason: row.status_reason,
  };
}

// Both run for every decision a push applies (precompiled-query.ts says why that matters).
const taskById = precompile((db, slot: SlotOf<{ id: string }>) => db.selectFrom('review_tasks').selectAll().where('id', '=', slot('id')));
const tasksOfSubmissionRound = precompile((db, slot: SlotOf<{ submissionId: string; round: number }>) =>
  db.selectFrom('review_tasks').selectAll().where('submission_id', '=', slot('submissionId')).where('round', '=', slot('round')).orderBy('created_at').orderBy('id'));

// Only the states: SQLite answers from the (submission_id, round) index and the rows without sorting or an IN list.
const statesOfRound = precompile((db, slot: SlotOf<{ submissionId: string; round: number }>) =>
  db.selectFrom('review_tasks').select('state').where('submission_id', '=', slot('submissionId')).where('round', '=', slot('round')));

export async function findTask(db: RegistryDb, id: string): Promise<ReviewTasksTable | undefined> {
  return takeReadAhead<ReviewTasksTable>(db, 'review_tasks', id) ?? (await taskById.rows(db, { id }))[0];
}

export async function tasksOfRound(db: RegistryDb, submissionId: string, round: number): Promise<ReviewTasksTable[]> {
  return tasksOfSubmissionRound.rows(db, { submissionId, round });
}

/** Whether a task of the round still waits for its decision: a narrow read, where tasksOfRound reads whole rows. */
export async function roundHasOpenTask(db: RegistryDb, submissionId: string, round: number): Promise<boolean> {
  return (await statesOfRound.rows(db, { submissionId, round })).some((row) => OPEN_TASK_STATES.includes(row.state as ReviewTaskState));
}
