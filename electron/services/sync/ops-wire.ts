import { z } from 'zod';

/**
 * POST /v1/ops and GET /v1/changes as the brief for the registry describes them. These mirror the registry's
 * contract until it is published in shared/contract/registry; every registry answer is parsed with them, so a
 * registry that answers anything else is a `bad-response` (retried), never a result we act on.
 */
export const WireOp = z.object({
  opId: z.string().uuid(),
  seq: z.number().int().min(1),
  kind: z.string().min(1).max(64),
  payload: z.unknown(),
  payloadHash: z.string().regex(/^[0-9a-f]{64}$/),
  baseVersion: z.number().int().nullable(),
});
export type WireOp = z.infer<typeof WireOp>;

export const PushRequest = z.object({ deviceId: z.string(), ops: z.array(WireOp).min(1) });
export type PushRequest = z.infer<typeof PushRequest>;

export const OpResult = z.discriminatedUnion('status', [
  z.object({ opId: z.string(), status: z.literal('applied'), result: z.unknown().optional() }),
  z.object({ opId: z.string(), status: z.literal('rejected'), reason: z.string().min(1), result: z.unknown().optional() }),
]);
export type OpResult = z.infer<typeof OpResult>;

export const PushResponse = z.object({ results: z.array(OpResult) });
export type PushResponse = z.infer<typeof PushResponse>;

export const ChangeRow = z.object({
  seq: z.number().int().nonnegative(),
  entity: z.string().min(1).max(64),
  entityId: z.string().min(1).max(128),
  data: z.unknown(),
});
export type ChangeRow = z.infer<typeof ChangeRow>;

export const ChangesResponse = z.object({
  changes: z.array(ChangeRow),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;
