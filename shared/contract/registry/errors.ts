import { z } from 'zod';

/**
 * Every 4xx/5xx from the registry has this one body, so clients (the workstation sync engine, tests, fuzzers) branch on
 * `code` and point at `field` without parsing prose.
 */
export const RegistryErrorCode = z.enum([
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
  'INVALID_CREDENTIALS',
  'TOKEN_REUSED',
  'INVALID_USCC',
  'INVALID_RESIDENT_ID',
  'DUPLICATE',
  'SCHEME_IN_USE',
  'ILLEGAL_TRANSITION',
  'NOT_ENOUGH_ELIGIBLE_EXPERTS',
  'EXPERT_NOT_ELIGIBLE',
  'SEQ_GAP',
  'OP_ID_CONFLICT',
  'DEVICE_NOT_YOURS',
  'INVALID_PUBLIC_KEY',
  /** → submitted: a video's ingest is missing, queued, running or failed (not done yet) */
  'MEDIA_NOT_INGESTED',
  /** → submitted: a video's ingest was rejected; the submission's returnReason says why (media.<reason>) */
  'MEDIA_REJECTED',
  /** a video's proxy or frame-table sha256 differs from what the registry's ingest made */
  'MEDIA_MISMATCH',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type RegistryErrorCode = z.infer<typeof RegistryErrorCode>;

export const RegistryErrorBody = z.object({
  error: z.object({
    code: RegistryErrorCode,
    message: z.string(),
    /** Dotted path of the failing input, prefixed by where it came from: `body.name`, `query.limit`, `params.id`. */
    field: z.string().optional(),
    /** Seq gaps (POST /v1/ops): the seq the registry expects next from this device. */
    expectedSeq: z.number().int().optional(),
  }),
});
export type RegistryErrorBody = z.infer<typeof RegistryErrorBody>;
