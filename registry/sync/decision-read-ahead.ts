import type { RegistryDb } from '../db/connection.js';
import { inChunks } from '../db/in-chunks.js';
import { readAhead } from '../db/read-ahead.js';
import type { ReviewTasksTable, SubmissionsTable } from '../db/schema.js';
import type { PreparedDecisions } from './signature-checks.js';

/** Ids a statement: well under the bound parameters a statement may have. */
const IDS_PER_SELECT = 500;

/**
 * The tasks the batch's decisions name and their submissions, read with a few `in` queries for the decisions to take
 * (see read-ahead.ts) instead of two single-row queries each.
 */
export async function readAheadForDecisions(trx: RegistryDb, prepared: PreparedDecisions): Promise<void> {
  const taskIds = [...new Set([...prepared.values()].map(({ payload }) => payload.sheet.taskId))];
  const tasks: ReviewTasksTable[] = [];
  await inChunks(taskIds, IDS_PER_SELECT, async (ids) => tasks.push(...(await trx.selectFrom('review_tasks').selectAll().where('id', 'in', ids).execute())));
  readAhead(trx, 'review_tasks', tasks);
  const submissionIds = [...new Set(tasks.map((task) => task.submission_id))];
  const submissions: SubmissionsTable[] = [];
  await inChunks(submissionIds, IDS_PER_SELECT, async (ids) => submissions.push(...(await trx.selectFrom('submissions').selectAll().where('id', 'in', ids).execute())));
  readAhead(trx, 'submissions', submissions);
}
