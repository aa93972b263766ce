import { z } from 'zod';
import { EntityId, Sha256Hex } from '../../domain/common/entity-id';
import { IsoDate } from '../../domain/common/iso-date';
import { Institution } from '../../domain/institution/institution';
import { MaskedPractitioner, Practitioner } from '../../domain/practitioner/practitioner';
import { Certificate } from '../../domain/certificate/certificate';
import { ExpertSpecialty, ExpertStatus } from '../../domain/expert/expert';
import { SubmissionVideo, TrainingRecord } from '../../domain/submission/submission';
import { SubmissionState } from '../../domain/submission/submission-state';
import { ReviewTaskState } from '../../domain/review/review-task';
import { MarkingScheme } from '../../domain/scheme/marking-scheme';

/** Path parameter `:id` of every entity route. */
export const IdParams = z.object({ id: EntityId });

// Institutions ------------------------------------------------------------------------------------------------------
export const CreateInstitutionRequest = Institution.omit({ id: true });
export const InstitutionView = Institution.extend({ version: z.number().int() });
export type InstitutionView = z.infer<typeof InstitutionView>;
export const InstitutionList = z.object({ institutions: z.array(InstitutionView) });

// Practitioners -----------------------------------------------------------------------------------------------------
export const CreatePractitionerRequest = Practitioner.omit({ id: true });
/** Masked for everyone; `residentId` in full only for coordinators of the owning institution. */
export const PractitionerView = MaskedPractitioner.extend({
  residentId: z.string().optional(),
  version: z.number().int(),
});
export type PractitionerView = z.infer<typeof PractitionerView>;
export const PractitionerList = z.object({ practitioners: z.array(PractitionerView) });
export const PractitionerListQuery = z.object({ institutionId: EntityId.optional() });

// Certificates ------------------------------------------------------------------------------------------------------
export const CreateCertificateRequest = Certificate.omit({ id: true }).extend({ practitionerId: EntityId });
export const CertificateView = Certificate.extend({ practitionerId: EntityId });
export type CertificateView = z.infer<typeof CertificateView>;
export const CertificateList = z.object({ certificates: z.array(CertificateView) });
export const CertificateListQuery = z.object({ practitionerId: EntityId });

// Experts -----------------------------------------------------------------------------------------------------------
export const AccountIdParams = z.object({ accountId: EntityId });
export const UpsertExpertRequest = z.object({
  status: ExpertStatus,
  specialties: z.array(ExpertSpecialty).max(50),
  affiliations: z.array(EntityId).max(50),
});
export const ExpertView = UpsertExpertRequest.extend({
  accountId: EntityId,
  displayName: z.string(),
  keys: z.array(z.object({ keyId: z.string(), deviceId: z.string() })),
  version: z.number().int(),
});
export type ExpertView = z.infer<typeof ExpertView>;
export const ExpertList = z.object({ experts: z.array(ExpertView) });

/**
 * An expert's device key. `publicKey` is the raw 32-byte Ed25519 key in base64url (what WebCrypto/JWK `x` gives) or
 * a DER SubjectPublicKeyInfo in base64; the registry stores SPKI either way.
 */
export const RegisterKeyRequest = z.object({
  keyId: z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'keyId.format'),
  deviceId: z.string().min(1).max(128),
  publicKey: z.string().min(40).max(200),
});
export const ExpertKeyView = z.object({ keyId: z.string(), deviceId: z.string(), publicKeySpki: z.string(), createdAt: z.string() });

// Marking schemes ---------------------------------------------------------------------------------------------------
export const SchemeParams = z.object({ id: EntityId, version: z.coerce.number().int().min(1).max(1_000_000) });
/** Versions are stored as 32-bit integers on both dialects. */
export const MAX_VERSION = 1_000_000;
export const CreateSchemeRequest = z.object({ scheme: MarkingScheme }).refine((body) => body.scheme.version <= MAX_VERSION, {
  message: 'scheme.versionTooLarge',
  path: ['scheme', 'version'],
});
export const SchemeView = z.object({
  scheme: MarkingScheme,
  contentHash: Sha256Hex,
  /** True once a review task uses this version: from then on it can never change. */
  inUse: z.boolean(),
});
export type SchemeView = z.infer<typeof SchemeView>;
export const SchemeSummary = z.object({
  id: EntityId, version: z.number().int(), occupationCode: z.string(), level: z.number().int(), title: z.string(), contentHash: Sha256Hex,
});
export const SchemeList = z.object({ schemes: z.array(SchemeSummary) });

// Submissions -------------------------------------------------------------------------------------------------------
export const CreateSubmissionRequest = z.object({
  practitionerId: EntityId,
  certificateId: EntityId,
  schemeId: EntityId,
  schemeVersion: z.number().int().min(1).max(1_000_000),
  training: TrainingRecord,
  videos: z.array(SubmissionVideo).max(20).default([]),
});
export const SubmissionView = z.object({
  id: EntityId,
  institutionId: EntityId,
  practitionerId: EntityId,
  certificateId: EntityId,
  schemeId: EntityId,
  schemeVersion: z.number().int(),
  training: TrainingRecord,
  videos: z.array(SubmissionVideo),
  state: SubmissionState,
  returnReason: z.string().nullable(),
  round: z.number().int(),
  result: z.record(z.string(), z.unknown()).nullable(),
  version: z.number().int(),
});
export type SubmissionView = z.infer<typeof SubmissionView>;
export const SubmissionList = z.object({ submissions: z.array(SubmissionView) });
export const TransitionRequest = z.object({
  to: SubmissionState,
  /** The version the caller saw; a stale one is refused with 409 so nobody overwrites a change they did not see. */
  baseVersion: z.number().int().min(0).max(2_147_483_647),
  reason: z.string().trim().min(1).max(100).optional(),
});

// Review tasks ------------------------------------------------------------------------------------------------------
export const AssignRequest = z.object({
  /** Specific experts; otherwise the registry picks `count` (default: the scheme's experts per submission). */
  expertIds: z.array(EntityId).min(1).max(15).optional(),
  count: z.number().int().min(1).max(15).optional(),
  dueDate: IsoDate.optional(),
});
export const ReviewTaskView = z.object({
  id: EntityId,
  submissionId: EntityId,
  expertId: EntityId,
  schemeId: EntityId,
  schemeVersion: z.number().int(),
  round: z.number().int(),
  state: ReviewTaskState,
  dueDate: z.string(),
  version: z.number().int(),
  replacedBy: EntityId.nullable(),
  /**
   * Why the task is in its state, as the person who moved it wrote it: the admin's withdraw/reassign reason or the
   * expert's conflict-of-interest declaration; `submission.returned` when the registry withdrew it because the
   * submission left review. Null otherwise. Optional: rows published before it existed lack it.
   */
  statusReason: z.string().max(500).nullable().optional(),
});
export type ReviewTaskView = z.infer<typeof ReviewTaskView>;
export const ReviewTaskList = z.object({ tasks: z.array(ReviewTaskView) });
export const TaskListQuery = z.object({ submissionId: EntityId.optional() });
export const WithdrawRequest = z.object({ reason: z.string().trim().min(1).max(200) });
export const ReassignRequest = z.object({ expertId: EntityId.optional(), reason: z.string().trim().min(1).max(200).default('reassigned') });
export const ReassignResponse = z.object({ previous: ReviewTaskView, replacement: ReviewTaskView });
