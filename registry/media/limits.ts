import { z } from 'zod';

/** What the registry accepts. Defaults cover a long 4K phone recording; tests pass tighter ones. */
export const IngestLimits = z
  .object({
    maxBytes: z.number().int().positive().default(8 * 1024 ** 3),
    maxDurationSeconds: z.number().positive().default(2 * 60 * 60),
    /** longer side of the displayed picture */
    maxLongSide: z.number().int().positive().default(4096),
    /** shorter side of the displayed picture */
    maxShortSide: z.number().int().positive().default(2304),
    maxFrameCount: z.number().int().positive().default(2 * 60 * 60 * 120),
    /** each ffmpeg/ffprobe run; a stuck decoder must not hold a queue slot forever */
    processTimeoutMs: z.number().int().positive().default(60 * 60 * 1000),
  })
  .strict();
export type IngestLimits = z.infer<typeof IngestLimits>;
export type IngestLimitsInput = z.input<typeof IngestLimits>;
