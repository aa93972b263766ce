import { z } from 'zod';

/**
 * The archive lifecycle of DESIGN §1 as seen on one submission. A judgement discrepancy does not
 * leave `in_review`: the registry opens another review round and keeps every round.
 */
export const SubmissionState = z.enum([
  'draft',
  'validated',
  'uploaded',
  'submitted',
  'in_review',
  'certified',
  'not_certified',
  'returned',
  'archive_requested',
  'archive_issued',
]);
export type SubmissionState = z.infer<typeof SubmissionState>;

const TRANSITIONS: Readonly<Record<SubmissionState, readonly SubmissionState[]>> = {
  // Editing a validated or uploaded submission sends it back to draft: it must be validated again.
  // The registry returns a submission whose media fails ingest (not a video, zero frames…) with a coded reason
  // (`media.<reason>`) whenever the rejection arrives: ingest runs while the institution is still preparing it.
  draft: ['validated', 'returned'],
  validated: ['draft', 'uploaded', 'returned'],
  uploaded: ['draft', 'submitted', 'returned'],
  // Submitting needs every video ingested (proxy + frame table); the operator may still return it before review.
  submitted: ['in_review', 'returned'],
  in_review: ['certified', 'not_certified', 'returned'],
  // Returned for re-recording: the institution reworks the draft and resubmits it through the same path.
  returned: ['draft'],
  certified: ['archive_requested'],
  not_certified: [],
  // Identity verification may refuse the request; the certification itself stands.
  archive_requested: ['archive_issued', 'certified'],
  // Renewal, reissue and revocation act on the archive's versions, not on the submission.
  archive_issued: [],
};

export function nextStates(from: SubmissionState): readonly SubmissionState[] {
  return TRANSITIONS[from];
}

export function canTransition(from: SubmissionState, to: SubmissionState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(state: SubmissionState): boolean {
  return TRANSITIONS[state].length === 0;
}
