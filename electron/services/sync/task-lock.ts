import type { Replica } from './replica';

export type TaskLock = { readOnly: false } | { readOnly: true; reason: 'withdrawn' | 'reassigned' | 'submitted' };

/**
 * Server decides: once the registry says a task was withdrawn or reassigned (or already submitted), the local mark
 * sheet stays — read-only, exportable — and the UI shows why. Whatever the expert scored offline is kept in the
 * outbox as a rejected op with the registry's reason; nothing is deleted.
 */
export function taskLock(replica: Replica, profileId: string, taskId: string): TaskLock {
  const task = replica.get(profileId, 'task', taskId);
  const state = (task?.data as { state?: unknown } | null)?.state;
  if (state === 'withdrawn' || state === 'reassigned' || state === 'submitted') return { readOnly: true, reason: state };
  return { readOnly: false };
}
