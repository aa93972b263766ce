import { z } from 'zod';
import { EntityId } from '../common/entity-id';
import { IsoDate } from '../common/iso-date';

export const ReviewTaskState = z.enum(['assigned', 'in_progress', 'submitted', 'withdrawn', 'reassigned']);
export type ReviewTaskState = z.infer<typeof ReviewTaskState>;

const TASK_TRANSITIONS: Readonly<Record<ReviewTaskState, readonly ReviewTaskState[]>> = {
  assigned: ['in_progress', 'withdrawn', 'reassigned'],
  in_progress: ['submitted', 'withdrawn', 'reassigned'],
  // A submitted decision is final for its round; a discrepancy opens a new task for the next round.
  submitted: [],
  withdrawn: [],
  reassigned: [],
};

export function canTransitionTask(from: ReviewTaskState, to: ReviewTaskState): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

export function nextTaskStates(from: ReviewTaskState): readonly ReviewTaskState[] {
  return TASK_TRANSITIONS[from];
}

export const ReviewTask = z.object({
  id: EntityId,
  submissionId: EntityId,
  expertId: EntityId,
  schemeId: EntityId,
  schemeVersion: z.number().int().min(1),
  dueDate: IsoDate,
  /** Review round, from 1; a judgement discrepancy opens round + 1 for every expert. */
  round: z.number().int().min(1),
  state: ReviewTaskState,
  /** Optimistic-concurrency version: a decision made on a stale version is rejected by the registry. */
  version: z.number().int().min(0),
});
export type ReviewTask = z.infer<typeof ReviewTask>;
