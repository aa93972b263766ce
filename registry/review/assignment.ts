import { randomUUID } from 'node:crypto';
import { isEligibleReviewer } from '../../shared/domain/expert/expert.js';
import { canTransitionTask, type ReviewTaskState } from '../../shared/domain/review/review-task.js';
import type { RegistryContext } from '../context.js';
import type { RegistryDb } from '../db/connection.js';
import { listExpertRecords, type ExpertRecord } from '../db/experts-repository.js';
import { precompile, type SlotOf } from '../db/precompiled-query.js';
import { forgetReadAhead } from '../db/read-ahead.js';
import type { ReviewTasksTable, SubmissionsTable } from '../db/schema.js';
import { ACTIVE_TASK_STATES, tasksOfRound } from '../db/tasks-repository.js';
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
 * with the submitting institution (DESIGN §9) — neither through `experts.affiliations` nor as a member of it by their
 * own account — and not already on this submission (one expert, one vote per round).
 */
async function eligibleExperts(trx: RegistryDb, submission: SubmissionsTable, excluded: ReadonlySet<string>): Promise<Eligibility> {
  const certificate = await trx.selectFrom('certificates').select(['occupation_code', 'level']).where('id', '=', submission.certificate_id).executeTakeFirstOrThrow();
  const experts = await listExpertRecords(trx);
  const eligible = experts.filter((expert) => {
    if (excluded.has(expert.accountId)) return false;
    const affiliations = expert.institutionId === null ? expert.affiliations : [...expert.affiliations, expert.institutionId];
    return isEligibleReviewer({ ...expert, affiliations }, certificate.occupation_code, certificate.level, submission.institution_id);
  });
  return { eligible, occupationCode: certificate.occupation_code, level: certificate.level };
}

/** Every expert who has ever had a task on the submission, in any state or round. */
async function expertsEverOn(trx: RegistryDb, submissionId: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('review_tasks').select('expert_account_id').where('submission_id', '=', submissionId).execute();
  return new Set(rows.map((row) => row.expert_account_id));
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
    status_reason: null, created_at: nowIso, updated_at: nowIso,
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

/** The `wanted` least-loaded experts (ties by id, so picks are deterministic). */
async function leastLoaded(trx: RegistryDb, experts: readonly ExpertRecord[], wanted: number): Promise<string[]> {
  const load = await openTaskCounts(trx);
  return [...experts]
    .sort((a, b) => (load.get(a.accountId) ?? 0) - (load.get(b.accountId) ?? 0) || a.accountId.localeCompare(b.accountId))
    .slice(0, wanted)
    .map((expert) => expert.accountId);
}

export interface AssignOptions {
  expertIds?: string[] | undefined;
  count?: number | undefined;
  dueDate?: string | undefined;
}

/**
 * Round 1 assignment of a submitted submission (moves it to in_review), or — on a submission already in review — a
 * top-up of the current round to the scheme's number of experts when a round opened short (see openNextRound).
 * Caller holds the transaction.
 */
export async function assignReviewers(trx: RegistryDb, context: RegistryContext, submission: SubmissionsTable, options: AssignOptions): Promise<ReviewTasksTable[]> {
  if (submission.state !== 'submitted' && submission.state !== 'in_review') {
    throw conflict('ILLEGAL_TRANSITION', `only a submitted submission can be assigned (it is ${submission.state})`);
  }
  const scheme = await loadScheme(trx, submission.scheme_id, submission.scheme_version);
  if (!scheme) throw unprocessable('VALIDATION', 'the submission names a marking scheme that does not exist');
  const topUp = submission.state === 'in_review';
  const active = topUp ? (await tasksOfRound(trx, submission.id, submission.round)).filter(isActiveTask).length : 0;
  const missing = scheme.scheme.expertsPerSubmission - active;
  if (topUp && missing <= 0) throw conflict('ILLEGAL_TRANSITION', 'this submission is in review with a full panel; reassign a task instead');
  const { eligible, occupationCode, level } = await eligibleExperts(trx, submission, topUp ? await expertsEverOn(trx, submission.id) : new Set());
  let chosen: string[];
  if (options.expertIds) {
    const eligibleIds = new Set(eligible.map((expert) => expert.accountId));
    const unique = [...new Set(options.expertIds)];
    unique.forEach((id, index) => {
      if (!eligibleIds.has(id)) {
        throw unprocessable('EXPERT_NOT_ELIGIBLE', 'expert is not eligible: not approved, lacks the occupation/level, is affiliated with the institution, or already on this submission', `body.expertIds.${index}`);
      }
    });
    chosen = unique;
  } else {
    const wanted = topUp ? missing : options.count ?? scheme.scheme.expertsPerSubmission;
    if (eligible.length < wanted) {
      throw unprocessable('NOT_ENOUGH_ELIGIBLE_EXPERTS', `needs ${wanted} eligible experts for ${occupationCode} level ${level}, found ${eligible.length}`);
    }
    chosen = await leastLoaded(trx, eligible, wanted);
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

/**
 * A new round after a judgement discrepancy: the same experts score again; earlier rounds stay as they were. Each is
 * checked again first — one suspended or retired since, or now affiliated with the institution, is replaced by an
 * eligible expert who has not been on this submission. With nobody free the round opens short and waits, in review,
 * for the operator to top it up (POST …/assignments) — never failing the decision that opened it.
 */
export async function openNextRound(trx: RegistryDb, context: RegistryContext, submission: SubmissionsTable, expertIds: readonly string[]): Promise<ReviewTasksTable[]> {
  const round = submission.round + 1;
  const due = dueDate(context.now(), undefined);
  const { eligible } = await eligibleExperts(trx, submission, new Set());
  const eligibleIds = new Set(eligible.map((expert) => expert.accountId));
  const staying = expertIds.filter((id) => eligibleIds.has(id));
  const everOn = await expertsEverOn(trx, submission.id);
  const replacements = await leastLoaded(trx, eligible.filter((expert) => !everOn.has(expert.accountId)), expertIds.length - staying.length);
  const tasks: ReviewTasksTable[] = [];
  for (const expertId of [...staying, ...replacements]) tasks.push(await insertTask(trx, context, submission, expertId, round, due));
  const updated = { ...submission, round, version: submission.version + 1, updated_at: context.now().toISOString() };
  forgetReadAhead(trx, 'submissions', submission.id);
  await trx.updateTable('submissions').set({ round, version: updated.version, updated_at: updated.updated_at }).where('id', '=', submission.id).execute();
  await publishNewTasks(trx, context, updated, tasks);
  await publishSubmission(trx, updated, context.now());
  return tasks;
}

export interface TaskMove {
  replacedBy?: string | null;
  /** states passed through when the state machine has no direct edge */
  via?: readonly ReviewTaskState[];
  /** why (published as the task's statusReason); a move without one clears the previous reason */
  reason?: string | null;
}

/** Reasons are stored and published at most this long (the contract's statusReason limit). */
const MAX_REASON = 500;

type TaskStateColumns = Pick<ReviewTasksTable, 'id' | 'state' | 'version' | 'replaced_by' | 'status_reason' | 'updated_at'>;
// Runs for every decision a push applies.
const updateTaskState = precompile((db, slot: SlotOf<TaskStateColumns>) => db.updateTable('review_tasks')
  .set({ state: slot('state'), version: slot('version'), replaced_by: slot('replaced_by'), status_reason: slot('status_reason'), updated_at: slot('updated_at') })
  .where('id', '=', slot('id')));

/**
 * Moves a task to `to`, through `via` states when the state machine has no direct edge (an offline expert's decision
 * takes an assigned task through in_progress to submitted); one write and one change row either way.
 */
export async function setTaskState(trx: RegistryDb, context: RegistryContext, task: ReviewTasksTable, to: ReviewTaskState, move: TaskMove = {}): Promise<ReviewTasksTable> {
  const path = [task.state as ReviewTaskState, ...(move.via ?? []), to];
  for (let i = 1; i < path.length; i += 1) {
    if (!canTransitionTask(path[i - 1]!, path[i]!)) throw conflict('ILLEGAL_TRANSITION', `a ${path[i - 1]} task cannot become ${path[i]}`);
  }
  const updated: ReviewTasksTable = {
    ...task, state: to, version: task.version + 1, replaced_by: move.replacedBy ?? task.replaced_by,
    status_reason: move.reason?.slice(0, MAX_REASON) ?? null, updated_at: context.now().toISOString(),
  };
  forgetReadAhead(trx, 'review_tasks', task.id);
  await updateTaskState.run(trx, updated);
  await publishTask(trx, updated, context.now());
  return updated;
}

/**
 * Hands a task to another eligible expert (admin reassignment or the expert's own conflict-of-interest declaration):
 * the old task becomes `reassigned` (kept, pointing at its replacement), a new task in the same round takes its place.
 */
export async function reassignTask(trx: RegistryDb, context: RegistryContext, task: ReviewTasksTable, requestedExpertId: string | undefined, reason: string): Promise<{ previous: ReviewTasksTable; replacement: ReviewTasksTable }> {
  if (!canTransitionTask(task.state as ReviewTaskState, 'reassigned')) {
    throw conflict('ILLEGAL_TRANSITION', `a ${task.state} task cannot be reassigned`);
  }
  const submission = await trx.selectFrom('submissions').selectAll().where('id', '=', task.submission_id).executeTakeFirstOrThrow();
  // Whoever has been on this submission (including the one leaving, who may have declared a conflict) is not picked.
  const { eligible } = await eligibleExperts(trx, submission, await expertsEverOn(trx, submission.id));
  let replacementExpert: string | undefined;
  if (requestedExpertId !== undefined) {
    if (!eligible.some((expert) => expert.accountId === requestedExpertId)) {
      throw unprocessable('EXPERT_NOT_ELIGIBLE', 'that expert is not eligible for this submission', 'body.expertId');
    }
    replacementExpert = requestedExpertId;
  } else {
    replacementExpert = (await leastLoaded(trx, eligible, 1))[0];
  }
  if (!replacementExpert) throw unprocessable('NOT_ENOUGH_ELIGIBLE_EXPERTS', 'no other eligible expert is free of conflicts for this submission');
  const replacement = await insertTask(trx, context, submission, replacementExpert, task.round, task.due_at);
  const previous = await setTaskState(trx, context, task, 'reassigned', { replacedBy: replacement.id, reason });
  await publishNewTasks(trx, context, submission, [replacement]);
  await publishSubmission(trx, submission, context.now());
  return { previous, replacement };
}

export const isActiveTask = (task: ReviewTasksTable): boolean => ACTIVE_TASK_STATES.includes(task.state as ReviewTaskState);
