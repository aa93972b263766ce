import { DeclareConflictPayload, type OpResult, type WireOp } from '../../shared/contract/registry/sync.js';
import type { RegistryContext } from '../context.js';
import type { RegistryDb } from '../db/connection.js';
import { findTask } from '../db/tasks-repository.js';
import { HttpError } from '../http/http-error.js';
import type { AuthContext } from '../http/route-table.js';
import { reassignTask, setTaskState } from '../review/assignment.js';
import { checkTaskForExpert, rejected } from './task-checks.js';

/**
 * An expert declares a conflict of interest on a task: the registry hands it to another eligible expert. The declared
 * reason stays on the old task (its statusReason in the change feed) for the operator and the expert.
 */
export async function applyDeclareConflict(trx: RegistryDb, context: RegistryContext, auth: AuthContext, op: WireOp): Promise<OpResult> {
  const parsed = DeclareConflictPayload.safeParse(op.payload);
  if (!parsed.success) return rejected(op, 'op.invalidPayload', { field: ['payload', ...(parsed.error.issues[0]?.path ?? [])].join('.') });
  const task = await findTask(trx, parsed.data.taskId);
  const problem = checkTaskForExpert(task, auth, op.baseVersion);
  if (problem || !task) return rejected(op, problem ?? 'task.notFound');
  try {
    const { replacement } = await reassignTask(trx, context, task, undefined, parsed.data.reason);
    return { opId: op.opId, status: 'applied', result: { replacementTaskId: replacement.id } };
  } catch (error) {
    if (!(error instanceof HttpError) || error.code !== 'NOT_ENOUGH_ELIGIBLE_EXPERTS') throw error;
    // The expert must not review it either way; with nobody free it waits, withdrawn, for the operator.
    await setTaskState(trx, context, task, 'withdrawn', { reason: parsed.data.reason });
    return { opId: op.opId, status: 'applied', result: { replacementTaskId: null } };
  }
}
