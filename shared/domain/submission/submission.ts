import { z } from 'zod';
import { EntityId, Sha256Hex } from '../common/entity-id';
import { IsoDate } from '../common/iso-date';
import { SubmissionState } from './submission-state';

export const TrainingRecord = z
  .object({
    institutionId: EntityId,
    hours: z.number().int().min(0).max(10_000),
    periodFrom: IsoDate,
    periodTo: IsoDate,
  })
  .refine((record) => record.periodFrom <= record.periodTo, {
    message: 'trainingRecord.periodReversed',
    path: ['periodTo'],
  });
export type TrainingRecord = z.infer<typeof TrainingRecord>;

/** One demonstration video: the original as uploaded and, after ingest, its review proxy and frame table. */
export const SubmissionVideo = z.object({
  originalSha256: Sha256Hex,
  proxySha256: Sha256Hex.nullable(),
  frameTableSha256: Sha256Hex.nullable(),
});
export type SubmissionVideo = z.infer<typeof SubmissionVideo>;

export const Submission = z.object({
  id: EntityId,
  practitionerId: EntityId,
  certificateId: EntityId,
  institutionId: EntityId,
  training: TrainingRecord,
  videos: z.array(SubmissionVideo).max(20),
  state: SubmissionState,
  /** Coded reason when returned (e.g. 'media.not_a_video', 'review.reRecord'); null otherwise. */
  returnReason: z.string().max(100).nullable(),
  /** Optimistic-concurrency version, bumped by the registry on every change. */
  version: z.number().int().min(0),
});
export type Submission = z.infer<typeof Submission>;
