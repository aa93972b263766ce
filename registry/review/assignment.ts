import { randomUUID } from 'node:crypto';
import { isEligibleReviewer } from '../../shared/domain/expert/expert.js';
import { canTransitionTask, type ReviewTaskState } from '../../shared/domain/review/review-task.js';
import type { RegistryContext } from '../context.js';
import type { RegistryDb } from '../db/connection.js';
import { listExpertRecords, type ExpertRecord } from '../db/experts-repository.js';
import type { ReviewTasksTable, SubmissionsTable } from '../db/schema.js';
import { ACTIVE_TASK_STATES } from '../db/tasks-repository.js';
import { conflict, unprocessable } from '../http/http-error.js';
import { loadScheme } from '../routes/scheme-routes.js';
import { publishSubmission, publishTask, publishTaskContext } from './publish.js';

const DEFAULT_DUE_DAYS = 14;

interface Eligibility {
  eligible: ExpertRecord[];
  occupationCode: string;
  level: number;
}

/**
 * Experts who may review this submission: approved, holding its occupation at its level or higher, NEVER affiliated
 * with the submitting institution (DESIGN §9), and not already on this submission (one expert, one vote per round).
 */
async function eligibleExperts(trx: RegistryDb, submission: SubmissionsTable, excluded: ReadonlySet<string>): Promise<Eligibility> {
  const certificate = await trx.selectFrom('certificates').select(['occupation_code', 'level']).where('id', '=', submission.certificate_id).executeTakeFirstOrThrow();
  const experts = await listExpertRecords(trx);
  const eligible = experts.filter(
    (expert) => !excluded.has(expert.accountId) && isEligibleReviewer(expert, certificate.occupation_code, certificate.level, submission.institution_id),
  );
  return { eligible, occupationCode: certificate.occupation_code, level: certificate.level };
}

/** Open workload per expert, so automatic picks spread tasks instead of piling them on the first name. */
async function openTaskCounts(trx: RegistryDb): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('review_tasks').select('expert_account_id').where('state', 'in', ['assigned', 'in_progress']).execute();
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.expert_account_id, (counts.get(row.expert_account_id) ?? 0) + 1);
  return counts;
}

function dueDate(now: Date, requested: string | undefined): string {
  return requested ?? new Date(now.getTime() + DEFAULT_DUE_DAYS * 86_400_000).toISOString().slice(0, 10);
}

async function insertTask(trx: RegistryDb, context: RegistryContext, submission: SubmissionsTable, expertId: string, round: number, due: string): Promise<ReviewTasksTable> {
  const nowIso = context.now().toISOString();
  const task: ReviewTasksTable = {
    id: randomUUID(), submission_id: submission.id, expert_account_id: expertId, scheme_id: submission.scheme_id,
    scheme_version: submission.scheme_version, round, state: 'assigned', due_at: due, version: 1, replaced_by: null,
    created_at: nowIso, updated_at: nowIso,
  };
  await trx.insertInto('review_tasks').values(task).execute();
  return task;
}

async function publishNewTasks(trx: RegistryDb, context: RegistryContext, submission: SubmissionsTable, tasks: ReviewTasksTable[]): Promise<void> {
  for (const task of tasks) {
    await publishTaskContext(trx, context.vault, task, submission, context.now());
    await publishTask(trx, task, context.now());
  }
}

export interface AssignOptions {
  expertIds?: string[] | undefined;
  count?: number | undefined;
  dueDate?: string | undefined;
}

/** Round 1 assignment of a submitted submission; moves it to in_review. Caller holds the transaction. */
export async function assignReviewers(trx: RegistryDb, context: RegistryContext, submission: SubmissionsTable, options: AssignOptions): Promise<ReviewTasksTable[]> {
  if (submission.state !== 'submitted') {
    throw conflict('ILLEGAL_TRANSITION', `only a submitted submission can be assigned (it is ${submission.state})`);
  }
  const scheme = await loadScheme(trx, submission.scheme_id, submission.scheme_version);
  if (!scheme) throw unprocessable('VALIDATION', 'the submission names a marking scheme that does not exist');
  const { eligible, occupationCode, level } = await eligibleExperts(trx, submission, new Set());
  let chosen: string[];
  if (options.expertIds) {
    const eligibleIds = new Set(eligible.map((expert) => expert.accountId));
    const unique = [...new Set(options.expertIds)];
    unique.forEach((id, index) => {
      if (!eligibleIds.has(id)) {
        throw unprocessable('EXPERT_NOT_ELIGIBLE', 'expert is not eligible: not approved, lacks the occupation/level, or is affiliated with the institution', `body.expertIds.${index}`);
      }
    });
    chosen = unique;
  } else {
    const wanted = options.count ?? scheme.scheme.expertsPerSubmission;
    if (eligible.length < wanted) {
      throw unprocessable('NOT_ENOUGH_ELIGIBLE_EXPERTS', `needs ${wanted} eligible experts for ${occupationCode} level ${level}, found ${eligible.length}`);
    }
    const load = await openTaskCounts(trx);
    chosen = [...eligible]
      .sort((a, b) => (load.get(a.accountId) ?? 0) - (load.get(b.accountId) ?? 0) || a.accountId.localeCompare(b.accountId))
      .slice(0, wanted)
      .map((expert) => expert.accountId);
  }
  const due = dueDate(context.now(), options.dueDate);
  const tasks: ReviewTasksTable[] = [];
  for (const expertId of chosen) tasks.push(await insertTask(trx, context, submission, expertId, submission.round, due));
  const updated = { ...submission, state: 'in_review', version: submission.version + 1, updated_at: context.now().toISOString() };
  await trx.updateTable('submissions').set({ state: updated.state, version: updated.version, updated_at: updated.updated_at }).where('id', '=', submission.id).execute();
  await publishNewTasks(trx, context, updated, tasks);
  await publishSubmission(trx, updated, context.now());
  return tasks;
}

/** A new round after a judgement discrepancy: the same experts score again; earlier rounds stay as they were. */
export async function openNextRound(trx: RegistryDb, context: RegistryContext, submission: SubmissionsTable, expertIds: readonly string[]): Promise<ReviewTasksTable[]> {
  const round = submission.round + 1;
  const due = dueDate(context.now(), undefined);
  const tasks: ReviewTasksTable[] = [];
  for (const expertId of expertIds) tasks.push(await insertTask(trx, context, submission, expertId, round, due));
  const updated = { ...submission, round, version: submission.version + 1, updated_at: context.now().toISOString() };
  await trx.updateTable('submissions').set({ round, version: updated.version, updated_at: updated.updated_at }).where('id', '=', submission.id).execute();
  await publishNewTasks(trx, context, updated, tasks);
  await publishSubmission(trx, updated, context.now());
  return tasks;
}

/**
 * Moves a task to `to`, through `via` states when the state machine has no direct edge (an offline expert's decision
 * takes an assigned task through in_progress to submitted); one write and one change row either way.
 */
export async function setTaskState(trx: RegistryDb, context: RegistryContext, task: ReviewTasksTable, to: ReviewTaskState, replacedBy: string | null = null, via: readonly ReviewTaskState[] = []): Promise<ReviewTasksTable> {
  const path = [task.state as ReviewTaskState, ...via, to];
  for (let i = 1; i < path.length; i += 1) {
    if (!canTransitionTask(path[i - 1]!, path[i]!)) throw conflict('ILLEGAL_TRANSITION', `a ${path[i - 1]} task cannot become ${path[i]}`);
  }
  const updated: ReviewTasksTable = { ...task, state: to, version: task.version + 1, replaced_by: replacedBy ?? task.replaced_by, updated_at: context.now().toISOString() };
  await trx.updateTable('review_tasks').set({ state: updated.state, version: updated.version, replaced_by: updated.replaced_by, updated_at: updated.updated_at }).where('id', '=', task.id).execute();
  await publishTask(trx, updated, context.now());
  return updated;
}

/**
 * Hands a task to another eligible expert (admin reassignment or the expert's own conflict-of-interest declaration):
 * the old task becomes `reassigned` (kept, pointing at its replacement), a new task in the same round takes its place.
 */
export async function reassignTask(trx: RegistryDb, context: RegistryContext, task: ReviewTasksTable, requestedExpertId?: string): Promise<{ previous: ReviewTasksTable; replacement: ReviewTasksTable }> {
  if (!canTransitionTask(task.state as ReviewTaskState, 'reassigned')) {
    throw conflict('ILLEGAL_TRANSITION', `a ${task.state} task cannot be reassigned`);
  }
  const submission = await trx.selectFrom('submissions').selectAll().where('id', '=', task.submission_id).executeTakeFirstOrThrow();
  const everyone = await trx.selectFrom('review_tasks').select('expert_account_id').where('submission_id', '=', submission.id).execute();
  // Whoever has been on this submission (including the one leaving, who may have declared a conflict) is not picked.
  const excluded = new Set(everyone.map((row) => row.expert_account_id));
  const { eligible } = await eligibleExperts(trx, submission, excluded);
  let replacementExpert: string | undefined;
  if (requestedExpertId !== undefined) {
    if (!eligible.some((expert) => expert.accountId === requestedExpertId)) {
      throw unprocessable('EXPERT_NOT_ELIGIBLE', 'that expert is not eligible for this submission', 'body.expertId');
    }
    replacementExpert = requestedExpertId;
  } else {
    const load = await openTaskCounts(trx);
    replacementExpert = [...eligible].sort((a, b) => (load.get(a.accountId) ?? 0) - (load.get(b.accountId) ?? 0) || a.accountId.localeCompare(b.accountId))[0]?.accountId;
  }
  if (!replacementExpert) throw unprocessable('NOT_ENOUGH_ELIGIBLE_EXPERTS', 'no other eligible expert is free of conflicts for this submission');
  const replacement = await insertTask(trx, context, submission, replacementExpert, task.round, task.due_at);
  const previous = await setTaskState(trx, context, task, 'reassigned', replacement.id);
  await publishNewTasks(trx, context, submission, [replacement]);
  await publishSubmission(trx, submission, context.now());
  return { previous, replacement };
}

export const isActiveTask = (task: ReviewTasksTable): boolean => ACTIVE_TASK_STATES.includes(task.state as ReviewTaskState);
