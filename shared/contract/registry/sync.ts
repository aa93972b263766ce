import { z } from 'zod';
import { Sha256Hex } from '../../domain/common/entity-id';
import { MarkSheet } from '../../domain/review/mark-sheet';

/** Seqs and versions are 32-bit integer columns on both dialects. */
const INT32_MAX = 2_147_483_647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const OpKind = z.enum(['decision.submit', 'task.declareConflict']);
export type OpKind = z.infer<typeof OpKind>;

/** One outbox row on the wire (DESIGN §7). `opId` (UUIDv7) is the idempotency key; `seq` is per device, from 1. */
export const WireOp = z.object({
  opId: z.string().regex(UUID, 'opId.format'),
  seq: z.number().int().min(1).max(INT32_MAX),
  kind: z.string().min(1).max(64),
  payload: z.unknown(),
  /** sha256 hex of the canonical JSON of `payload`; recomputed by the registry. */
  payloadHash: Sha256Hex,
  /** Version of the entity (the review task) the user saw when acting; null when not applicable. */
  baseVersion: z.number().int().min(0).max(INT32_MAX).nullable(),
});
export type WireOp = z.infer<typeof WireOp>;

export const PushRequest = z.object({
  deviceId: z.string().min(1).max(128),
  ops: z.array(WireOp).min(1).max(1000),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const OpResult = z.discriminatedUnion('status', [
  z.object({ opId: z.string(), status: z.literal('applied'), result: z.unknown().optional() }),
  z.object({ opId: z.string(), status: z.literal('rejected'), reason: z.string().min(1), result: z.unknown().optional() }),
]);
export type OpResult = z.infer<typeof OpResult>;

export const PushResponse = z.object({ results: z.array(OpResult) });
export type PushResponse = z.infer<typeof PushResponse>;

/** Business rejections are results, not HTTP errors: the client marks the op rejected and shows the reason. */
export const RejectionReason = z.enum([
  'task.notFound',
  'task.notYours',
  'task.withdrawn',
  'task.reassigned',
  'task.alreadySubmitted',
  'task.staleVersion',
  'decision.schemeMismatch',
  'decision.roundMismatch',
  'decision.invalidSheet',
  'decision.unknownKey',
  'decision.badSignature',
  /** the signed proxySha256 is not the review proxy of the submission's video (the expert scored another video) */
  'decision.proxyMismatch',
  'op.unknownKind',
  'op.invalidPayload',
]);
export type RejectionReason = z.infer<typeof RejectionReason>;

export const DecisionSignature = z.object({
  keyId: z.string().min(1).max(128),
  alg: z.literal('Ed25519'),
  /** base64 of the 64-byte Ed25519 signature over the canonical JSON of `sheet`. */
  signature: z.string().min(1).max(200),
});

export const DecisionSubmitPayload = z.object({
  sheet: MarkSheet,
  signature: DecisionSignature,
});
export type DecisionSubmitPayload = z.infer<typeof DecisionSubmitPayload>;

export const DeclareConflictPayload = z.object({
  taskId: z.string().min(1).max(128),
  reason: z.string().trim().min(1).max(500),
});
export type DeclareConflictPayload = z.infer<typeof DeclareConflictPayload>;

export const ChangesQuery = z.object({
  cursor: z.coerce.number().int().min(0).max(INT32_MAX).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export const ChangeRow = z.object({
  seq: z.number().int().nonnegative(),
  entity: z.string(),
  entityId: z.string(),
  data: z.unknown(),
});
export type ChangeRow = z.infer<typeof ChangeRow>;

export const ChangesResponse = z.object({
  changes: z.array(ChangeRow),
  /** Pass back as `cursor` next time; rows and cursor belong in one local transaction. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;
