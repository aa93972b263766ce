import { z } from 'zod';
import { EntityId } from '../common/entity-id';
import { OccupationCode } from '../occupation/occupation-code';
import { SkillLevel } from '../occupation/skill-level';

export const ExpertStatus = z.enum(['applicant', 'approved', 'suspended', 'retired']);
export type ExpertStatus = z.infer<typeof ExpertStatus>;

/** An occupation the expert may review, and the level they hold in it (Art. 15: level 2 or above). */
export const ExpertSpecialty = z.object({
  occupationCode: OccupationCode,
  level: SkillLevel,
});
export type ExpertSpecialty = z.infer<typeof ExpertSpecialty>;

/** Raw 32-byte Ed25519 public key, base64url without padding (the JWK `x` form both Node and WebCrypto give). */
export const Ed25519PublicKey = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'publicKey.format');
export type Ed25519PublicKey = z.infer<typeof Ed25519PublicKey>;

export const Expert = z.object({
  id: EntityId,
  name: z.string().trim().min(1).max(100),
  status: ExpertStatus,
  specialties: z.array(ExpertSpecialty).max(50),
  /** Institutions the expert is affiliated with: never assigned a practitioner of these (conflict of interest). */
  affiliations: z.array(EntityId).max(50),
  /** Certificates the expert holds (ids of Certificate records). */
  certificateIds: z.array(EntityId).max(50),
  publicKey: Ed25519PublicKey.nullable(),
  keyId: z.string().min(1).max(128).nullable(),
});
export type Expert = z.infer<typeof Expert>;

/**
 * Whether the expert may review a submission for this occupation and level from this institution:
 * approved, holds the occupation at the same or a higher level, and is not affiliated with the institution.
 */
export function isEligibleReviewer(
  expert: Pick<Expert, 'status' | 'specialties' | 'affiliations'>,
  occupationCode: string,
  level: number,
  institutionId: string,
): boolean {
  if (expert.status !== 'approved') return false;
  if (expert.affiliations.includes(institutionId)) return false;
  return expert.specialties.some((s) => s.occupationCode === occupationCode && s.level <= level);
}
