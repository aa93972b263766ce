import { createHash, randomUUID } from 'node:crypto';
import { markSheetContentForSigning } from '../../shared/domain/review/decision-payload.js';
import { validateMarkSheetAgainstScheme } from '../../shared/domain/review/validate-mark-sheet.js';
import { scoreMarkSheet } from '../../shared/domain/scoring/score-mark-sheet.js';
import { DecisionSubmitPayload, type OpResult, type WireOp } from '../../shared/contract/registry/sync.js';
import type { RegistryContext } from '../context.js';
import type { RegistryDb } from '../db/connection.js';
import { precompile, type SlotOf } from '../db/precompiled-query.js';
import type { DecisionsTable, SubmissionsTable } from '../db/schema.js';
import { findSubmission, storedVideos } from '../db/submissions-repository.js';
import { findTask } from '../db/tasks-repository.js';
import { publicKeyFromSpki, verifyEd25519 } from '../crypto/ed25519.js';
import type { AuthContext } from '../http/route-table.js';
import { setTaskState } from '../review/assignment.js';
import { loadScheme } from '../routes/scheme-routes.js';
import { aggregateRoundIfComplete } from './round-outcome.js';
import type { PreparedDecision } from './signature-checks.js';
import { checkTaskForExpert, rejected } from './task-checks.js';

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function proxiesOf(submission: SubmissionsTable): string[] {
  return storedVideos(submission).flatMap((video) => (video.proxySha256 === null ? [] : [video.proxySha256]));
}

const insertDecision = precompile((db, slot: SlotOf<DecisionsTable>) => db.insertInto('decisions').values({
  id: slot('id'), task_id: slot('task_id'), submission_id: slot('submission_id'), round: slot('round'), expert_account_id: slot('expert_account_id'),
  mark_sheet: slot('mark_sheet'), signature: slot('signature'), decision_hash: slot('decision_hash'), created_at: slot('created_at'),
}));

type SignatureProblem = 'decision.unknownKey' | 'decision.badSignature' | null;

/** The verdict started when the push arrived (signature-checks.ts), or checked here for a decision applied alone. */
async function signatureProblem(trx: RegistryDb, auth: AuthContext, signedBytes: string, signature: DecisionSubmitPayload['signature'], prepared: PreparedDecision | undefined): Promise<SignatureProblem> {
  if (prepared) {
    if (prepared.verdict === null) return 'decision.unknownKey';
    return (await prepared.verdict) ? null : 'decision.badSignature';
  }
  const key = await trx.selectFrom('expert_keys').select('public_key_spki').where('key_id', '=', signature.keyId).where('account_id', '=', auth.accountId).executeTakeFirst();
  if (!key) return 'decision.unknownKey';
  return verifyEd25519(publicKeyFromSpki(key.public_key_spki), signedBytes, signature.signature) ? null : 'decision.badSignature';
}

/**
 * An expert's signed mark sheet. Every check that can fail is a business rejection (the op is kept, rejected, with a
 * reason the workstation shows); only storage failures abort the batch.
 */
export async function applyDecisionSubmit(trx: RegistryDb, context: RegistryContext, auth: AuthContext, op: WireOp, prepared?: PreparedDecision): Promise<OpResult> {
  let payload = prepared?.payload;
  if (!payload) {
    const parsed = DecisionSubmitPayload.safeParse(op.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return rejected(op, 'op.invalidPayload', { field: ['payload', ...(issue?.path ?? [])].join('.'), message: issue?.message });
    }
    payload = parsed.data;
  }
  const { sheet, signature } = payload;
  // The same bytes the workstation signed: the parsed sheet as canonical JSON (shared/domain defines them once).
  const signedBytes = prepared?.signedBytes ?? markSheetContentForSigning(sheet);

  const task = await findTask(trx, sheet.taskId);
  const problem = checkTaskForExpert(task, auth, op.baseVersion);
  if (problem) return rejected(op, problem);
  if (!task) return rejected(op, 'task.notFound');
  if (sheet.round !== task.round) return rejected(op, 'decision.roundMismatch', { taskRound: task.round });

  const scheme = await loadScheme(trx, task.scheme_id, task.scheme_version);
  if (!scheme || sheet.schemeId !== task.scheme_id || sheet.schemeVersion !== task.scheme_version || sheet.schemeHash !== scheme.contentHash) {
    return rejected(op, 'decision.schemeMismatch', { schemeId: task.scheme_id, schemeVersion: task.scheme_version, schemeHash: scheme?.contentHash });
  }
  // The signature covers the proxy the expert watched: it must be this submission's, or the marks are about another video.
  // Read once: its videos here, its state and round for the aggregate below (applying this decision changes neither).
  const submission = await findSubmission(trx, task.submission_id);
  if (!submission) throw new Error(`task ${task.id} names a submission that does not exist`);
  const proxies = proxiesOf(submission);
  if (!proxies.includes(sheet.proxySha256)) return rejected(op, 'decision.proxyMismatch', { proxySha256: proxies });
  const issues = validateMarkSheetAgainstScheme(scheme.scheme, sheet, { requireMandatory: true });
  if (issues.length > 0) return rejected(op, 'decision.invalidSheet', { issues });

  const badSignature = await signatureProblem(trx, auth, signedBytes, signature, prepared);
  if (badSignature) return rejected(op, badSignature);

  const submitted = await setTaskState(trx, context, task, 'submitted', { via: task.state === 'assigned' ? ['in_progress'] : [] });
  const decisionHash = sha256Hex(signedBytes);
  const decisionId = randomUUID();
  await insertDecision.run(trx, {
    id: decisionId, task_id: task.id, submission_id: task.submission_id, round: task.round, expert_account_id: auth.accountId,
    mark_sheet: JSON.stringify(sheet), signature: JSON.stringify(signature), decision_hash: decisionHash, created_at: context.now().toISOString(),
  });
  const score = scoreMarkSheet(scheme.scheme, sheet);
  const outcome = await aggregateRoundIfComplete(trx, context, submission, task.round);
  return {
    opId: op.opId,
    status: 'applied',
    result: { decisionId, decisionHash, taskVersion: submitted.version, total: score.total, roundOutcome: outcome },
  };
}
