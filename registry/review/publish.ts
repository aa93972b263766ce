import type { ResidentIdVault } from '../crypto/resident-id-vault.js';
import type { RegistryDb } from '../db/connection.js';
import { recordChange } from '../db/changes-repository.js';
import { practitionerView } from '../db/practitioners-repository.js';
import { precompile, type SlotOf } from '../db/precompiled-query.js';
import type { ReviewTasksTable, SubmissionsTable } from '../db/schema.js';
import { submissionView } from '../db/submissions-repository.js';
import { ACTIVE_TASK_STATES, taskView } from '../db/tasks-repository.js';
import { certificateView } from '../routes/certificate-routes.js';

const activeExperts = precompile((db, slot: SlotOf<{ submissionId: string }>) => db.selectFrom('review_tasks').select('expert_account_id').distinct()
  .where('submission_id', '=', slot('submissionId')).where('state', 'in', [...ACTIVE_TASK_STATES]));

/** The institution sees its submission; every expert with an active task on it sees it too. */
export async function publishSubmission(trx: RegistryDb, submission: SubmissionsTable, now: Date): Promise<void> {
  const experts = await activeExperts.rows(trx, { submissionId: submission.id });
  await recordChange(trx, 'submission', submission.id, submissionView(submission), [
    { institutionId: submission.institution_id },
    ...experts.map((row) => ({ accountId: row.expert_account_id })),
  ], now);
}

export async function publishTask(trx: RegistryDb, task: ReviewTasksTable, now: Date): Promise<void> {
  await recordChange(trx, 'task', task.id, taskView(task), [{ accountId: task.expert_account_id }], now);
}

/** What an expert needs offline for a new task: the submission, its practitioner (masked) and certificate. */
export async function publishTaskContext(trx: RegistryDb, vault: ResidentIdVault, task: ReviewTasksTable, submission: SubmissionsTable, now: Date): Promise<void> {
  const scope = [{ accountId: task.expert_account_id }];
  const practitioner = await trx.selectFrom('practitioners').selectAll().where('id', '=', submission.practitioner_id).executeTakeFirstOrThrow();
  const certificate = await trx.selectFrom('certificates').selectAll().where('id', '=', submission.certificate_id).executeTakeFirstOrThrow();
  await recordChange(trx, 'practitioner', practitioner.id, practitionerView(practitioner, vault, false), scope, now);
  await recordChange(trx, 'certificate', certificate.id, certificateView(certificate), scope, now);
  await recordChange(trx, 'submission', submission.id, submissionView(submission), scope, now);
}
