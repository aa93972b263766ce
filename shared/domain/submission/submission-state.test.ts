import { describe, expect, it } from 'vitest';
import { SubmissionState, canTransition, isTerminal, nextStates } from './submission-state';
import { canTransitionTask } from '../review/review-task';

describe('submission state machine (DESIGN §1)', () => {
  it('walks the happy path from draft to an issued archive', () => {
    const path = ['draft', 'validated', 'uploaded', 'submitted', 'in_review', 'certified', 'archive_requested', 'archive_issued'] as const;
    for (let i = 1; i < path.length; i += 1) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('sends a returned submission back to draft, and only there', () => {
    expect(nextStates('returned')).toEqual(['draft']);
    expect(canTransition('in_review', 'returned')).toBe(true);
  });

  it('lets a media rejection return a submission that is still being prepared, but not a decided one', () => {
    for (const state of ['draft', 'validated', 'uploaded', 'submitted'] as const) expect(canTransition(state, 'returned')).toBe(true);
    for (const state of ['certified', 'not_certified', 'archive_requested', 'archive_issued'] as const) expect(canTransition(state, 'returned')).toBe(false);
  });

  it('forbids skipping steps and leaving final outcomes', () => {
    expect(canTransition('draft', 'submitted')).toBe(false);
    expect(canTransition('uploaded', 'in_review')).toBe(false);
    expect(canTransition('not_certified', 'certified')).toBe(false);
    expect(canTransition('certified', 'in_review')).toBe(false);
    expect(isTerminal('not_certified')).toBe(true);
    expect(isTerminal('archive_issued')).toBe(true);
  });

  it('only names known states as targets', () => {
    for (const state of SubmissionState.options) {
      for (const next of nextStates(state)) expect(SubmissionState.options).toContain(next);
    }
  });
});

describe('review task state machine', () => {
  it('lets an assigned task be started, withdrawn or reassigned but not submitted unstarted', () => {
    expect(canTransitionTask('assigned', 'in_progress')).toBe(true);
    expect(canTransitionTask('assigned', 'withdrawn')).toBe(true);
    expect(canTransitionTask('assigned', 'submitted')).toBe(false);
    expect(canTransitionTask('in_progress', 'submitted')).toBe(true);
    expect(canTransitionTask('submitted', 'withdrawn')).toBe(false);
  });
});
