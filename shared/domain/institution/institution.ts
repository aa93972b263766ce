import { z } from 'zod';
import { EntityId } from '../common/entity-id';
import { isProvinceCode } from '../common/province-codes';
import { UnifiedSocialCreditCode } from './uscc';

export const InstitutionType = z.enum(['association', 'training_org', 'school', 'enterprise', 'evaluation_org']);
export type InstitutionType = z.infer<typeof InstitutionType>;

/** Two-digit GB/T 2260 province code ('11' Beijing … '65' Xinjiang, '81'/'82' HK/Macau). */
export const ProvinceCode = z.string().refine(isProvinceCode, 'provinceCode.unknown');
export type ProvinceCode = z.infer<typeof ProvinceCode>;

export const Institution = z.object({
  id: EntityId,
  name: z.string().trim().min(1).max(200),
  uscc: UnifiedSocialCreditCode,
  type: InstitutionType,
  provinceCode: ProvinceCode,
  /** Filing (备案) reference with the registry or the human-resources authority, as issued. */
  filingReference: z.string().trim().min(1).max(100),
});
export type Institution = z.infer<typeof Institution>;
