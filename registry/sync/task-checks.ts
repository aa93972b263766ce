import type { OpResult, RejectionReason, WireOp } from '../../shared/contract/registry/sync.js';
import type { ReviewTasksTable } from '../db/schema.js';
import type { AuthContext } from '../http/route-table.js';

export function rejected(op: WireOp, reason: RejectionReason, result?: unknown): OpResult {
  return { opId: op.opId, status: 'rejected', reason, ...(result === undefined ? {} : { result }) };
}

/** The reasons an expert's op on a task no longer applies: server decides, the client shows why. */
export function checkTaskForExpert(task: ReviewTasksTable | undefined, auth: AuthContext, baseVersion: number | null): RejectionReason | null {
  if (!task) return 'task.notFound';
  if (task.expert_account_id !== auth.accountId) return 'task.notYours';
  if (task.state === 'withdrawn') return 'task.withdrawn';
  if (task.state === 'reassigned') return 'task.reassigned';
  if (task.state === 'submitted') return 'task.alreadySubmitted';
  if (baseVersion !== null && baseVersion !== task.version) return 'task.staleVersion';
  return null;
}
