import { z } from 'zod';
import { FrameTable, Sha256Hex } from './frame-table';
import { IngestRejectionReason } from './ingest-rejection';

export const IngestJobState = z.enum(['queued', 'running', 'done', 'rejected', 'failed']);
export type IngestJobState = z.infer<typeof IngestJobState>;

/** What the registry says about an uploaded original: where its ingest is, and once done the proxy and frame table. */
export const IngestJobView = z.object({
  sourceSha256: Sha256Hex,
  state: IngestJobState,
  attempts: z.number().int().nonnegative(),
  /** set when rejected (a reason the uploader can act on) or failed ('internal') */
  reason: z.union([IngestRejectionReason, z.literal('internal')]).nullable(),
  detail: z.string().nullable(),
  proxySha256: Sha256Hex.nullable(),
  frameTable: FrameTable.nullable(),
});
export type IngestJobView = z.infer<typeof IngestJobView>;
