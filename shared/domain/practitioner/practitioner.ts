import { z } from 'zod';
import { EntityId } from '../common/entity-id';
import { ResidentId, parseResidentId, type Gender } from '../identity/resident-id';

export const Practitioner = z.object({
  id: EntityId,
  name: z.string().trim().min(1).max(100),
  /** Plain ID: only inside the registry's encryption boundary and the owning coordinator's views. */
  residentId: ResidentId,
  institutionId: EntityId,
});
export type Practitioner = z.infer<typeof Practitioner>;

export interface PractitionerFacts {
  gender: Gender;
  birthDate: string;
  provinceCode: string;
}

/**
 * Gender and birth date are derived from the ID, never entered separately, so they cannot disagree.
 * Throws if given an unchecked ID: callers hold a parsed Practitioner.
 */
export function practitionerFacts(practitioner: Pick<Practitioner, 'residentId'>): PractitionerFacts {
  // Birth date may not be in the future; any checked ID already satisfied that, so "far future" today is safe.
  const parsed = parseResidentId(practitioner.residentId, '9999-12-31');
  if (!parsed.ok) throw new RangeError(`practitionerFacts: resident ID fails '${parsed.reason}'`);
  return { gender: parsed.gender, birthDate: parsed.birthDate, provinceCode: parsed.provinceCode };
}

/** What leaves the registry for most callers: the ID masked, derived facts alongside. */
export const MaskedPractitioner = z.object({
  id: EntityId,
  name: z.string(),
  residentIdMasked: z.string().regex(/^\d{6}\*{8}\d{3}[\dX]$/),
  gender: z.enum(['male', 'female']),
  birthYear: z.number().int().min(1900),
  institutionId: EntityId,
});
export type MaskedPractitioner = z.infer<typeof MaskedPractitioner>;
