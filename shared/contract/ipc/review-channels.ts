import { z } from 'zod';
import { EntityId, Sha256Hex } from '../../domain/common/entity-id';
import { FrameTable } from '../../domain/media/frame-table';
import { MarkSheet, Verdict } from '../../domain/review/mark-sheet';
import { ReviewTaskState } from '../../domain/review/review-task';
import { MarkingScheme } from '../../domain/scheme/marking-scheme';
import { SchemeItemId } from '../../domain/scheme/points';
import { channel } from './define';

const FrameIndex = z.number().int().min(0).max(100_000_000);

/** Where an evidence clip counts: one aspect's mark or one veto hit (a clip on nothing is still being worked on). */
export const ClipTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('aspect'), id: SchemeItemId }),
  z.object({ kind: z.literal('veto'), id: SchemeItemId }),
]);
export type ClipTarget = z.infer<typeof ClipTarget>;

export const DraftClip = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    fromFrame: FrameIndex,
    toFrame: FrameIndex,
    note: z.string().max(1000),
    attachTo: ClipTarget.nullable(),
  })
  .refine((clip) => clip.fromFrame <= clip.toFrame, { message: 'evidence.rangeReversed', path: ['toFrame'] });
export type DraftClip = z.infer<typeof DraftClip>;

/** A mark as the expert is entering it: `value` null = not marked yet; a rationale may be typed before the score. */
export const DraftMark = z.object({
  aspectId: SchemeItemId,
  value: z.union([z.boolean(), z.number().finite()]).nullable(),
  rationale: z.string().max(2000),
});
export type DraftMark = z.infer<typeof DraftMark>;

/** A veto the expert has ticked; it becomes a VetoHit with the clips attached to it. */
export const DraftVeto = z.object({ vetoId: SchemeItemId, rationale: z.string().max(2000) });
export type DraftVeto = z.infer<typeof DraftVeto>;

/**
 * Everything the expert has entered on a task, saved whole on every change (issue 5 "drafts"). Incomplete by
 * nature; the signed MarkSheet is built from it at submit.
 */
export const ReviewDraft = z.object({
  marks: z.array(DraftMark).max(500),
  vetoHits: z.array(DraftVeto).max(50),
  clips: z.array(DraftClip).max(200),
  verdict: Verdict.nullable(),
  comment: z.string().max(4000),
  positionFrame: FrameIndex,
  focusedAspectId: SchemeItemId.nullable(),
});
export type ReviewDraft = z.infer<typeof ReviewDraft>;

export const EMPTY_REVIEW_DRAFT: ReviewDraft = {
  marks: [],
  vetoHits: [],
  clips: [],
  verdict: null,
  comment: '',
  positionFrame: 0,
  focusedAspectId: null,
};

export const MediaState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('notDownloaded') }),
  z.object({ state: z.literal('downloading'), percent: z.number().min(0).max(100) }),
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('missing') }),
]);
export type MediaState = z.infer<typeof MediaState>;

/** Local view = server state + what this workstation has queued (DESIGN §7). */
export const ScoringState = z.enum(['new', 'draft', 'submitted', 'rejected']);
export type ScoringState = z.infer<typeof ScoringState>;

export const ReadOnlyReason = z.enum(['withdrawn', 'reassigned', 'conflictDeclared']);
export type ReadOnlyReason = z.infer<typeof ReadOnlyReason>;

/**
 * Why the registry moved the task (withdrawn, reassigned): the admin's or the expert's own words, or a registry code
 * such as `submission.returned`. Bounded like the registry's own statusReason.
 */
export const TASK_STATUS_REASON_MAX = 500;
export const TaskStatusReason = z.string().max(TASK_STATUS_REASON_MAX);

export const TaskListRow = z.object({
  taskId: EntityId,
  submissionId: EntityId,
  round: z.number().int(),
  taskState: ReviewTaskState,
  practitionerName: z.string(),
  residentIdMasked: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  level: z.number().int(),
  dueDate: z.string(),
  media: MediaState,
  scoring: ScoringState,
  readOnly: ReadOnlyReason.nullable(),
  statusReason: TaskStatusReason.nullable(),
});
export type TaskListRow = z.infer<typeof TaskListRow>;

/** The spread of the previous round on one judgement aspect: scores only, never who gave them. */
export const AspectSpread = z.object({ aspectId: SchemeItemId, scores: z.array(z.number()), spread: z.number() });
export type AspectSpread = z.infer<typeof AspectSpread>;

export const LocalDecision = z.object({
  sheet: MarkSheet,
  decisionHash: Sha256Hex,
  keyId: z.string(),
  opId: z.string(),
  opState: z.enum(['pending', 'inflight', 'applied', 'rejected']),
  opReason: z.string().nullable(),
  createdAt: z.string(),
});
export type LocalDecision = z.infer<typeof LocalDecision>;

export const TaskBlock = z.enum(['schemeMissing', 'mediaMissing', 'submissionMissing']);
export type TaskBlock = z.infer<typeof TaskBlock>;

export const ReviewTaskDetail = z.object({
  row: TaskListRow,
  taskVersion: z.number().int(),
  scheme: MarkingScheme.nullable(),
  schemeHash: Sha256Hex.nullable(),
  proxySha256: Sha256Hex.nullable(),
  /** Relative path under the media cache, for window.osea.mediaUrl(). */
  proxyMediaPath: z.string().nullable(),
  frameTable: FrameTable.nullable(),
  blocked: TaskBlock.nullable(),
  draft: ReviewDraft.nullable(),
  draftRevision: z.number().int(),
  decision: LocalDecision.nullable(),
  conflict: z.object({ reason: z.string(), opState: z.string(), opReason: z.string().nullable() }).nullable(),
  previousRoundSpreads: z.array(AspectSpread),
});
export type ReviewTaskDetail = z.infer<typeof ReviewTaskDetail>;

const TaskRef = z.object({ taskId: EntityId }).strict();

export const reviewChannels = {
  'review.listTasks': channel(z.object({}).strict().default({}), z.object({ tasks: z.array(TaskListRow) })),
  'review.getTask': channel(TaskRef, ReviewTaskDetail),
  /** Saves the whole draft in one transaction; `baseRevision` guards against an older window overwriting a newer. */
  'review.saveDraft': channel(
    z.object({ taskId: EntityId, baseRevision: z.number().int().min(0), draft: ReviewDraft }).strict(),
    z.object({ revision: z.number().int(), savedAt: z.string() }),
  ),
  'review.submitDecision': channel(
    z.object({ taskId: EntityId, draftRevision: z.number().int().min(0) }).strict(),
    z.object({ decision: LocalDecision, total: z.number(), pass: z.boolean() }),
  ),
  'review.declareConflict': channel(
    z.object({ taskId: EntityId, reason: z.string().trim().min(1).max(500) }).strict(),
    z.object({ opId: z.string() }),
  ),
  'review.exportTask': channel(TaskRef, z.object({ fileName: z.string(), json: z.string() })),
  /**
   * Drops the task's cached proxy and frame table and queues both for download again (the user's answer to a video
   * that plays wrong). `queued` names the blobs now downloading; `media` is the task's media state right after, so
   * the list and the review screen can show "downloading" without another round trip.
   */
  'review.redownloadMedia': channel(TaskRef, z.object({ taskId: EntityId, queued: z.array(Sha256Hex), media: MediaState })),
} as const;
