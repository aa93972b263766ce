import { z } from 'zod';
import { EntityId } from '../common/entity-id';
import { IsoDate } from '../common/iso-date';
import { OccupationCode } from '../occupation/occupation-code';
import { SkillLevel } from '../occupation/skill-level';

/** A vocational skill level certificate (职业技能等级证书) or a vocational qualification certificate (职业资格证书). */
export const CertificateKind = z.enum(['skill_level', 'qualification']);
export type CertificateKind = z.infer<typeof CertificateKind>;

export const Certificate = z.object({
  id: EntityId,
  number: z.string().trim().min(1).max(64),
  kind: CertificateKind,
  occupationCode: OccupationCode,
  occupationName: z.string().trim().min(1).max(100),
  level: SkillLevel,
  issuer: z.string().trim().min(1).max(200),
  issueDate: IsoDate,
});
export type Certificate = z.infer<typeof Certificate>;
