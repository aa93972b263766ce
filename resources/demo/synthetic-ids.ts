/**
 * Synthetic identifiers for the demo, built with the same check-character functions the registry validates with
 * (shared/domain), so every demo ID passes the real checks and none is hand-typed.
 */
import { formatIsoDate, parseIsoDate } from '../../shared/domain/common/iso-date';
import { residentIdCheckChar, type Gender } from '../../shared/domain/identity/resident-id';
import { USCC_CHARSET, orgCodeCheckChar, usccCheckChar } from '../../shared/domain/institution/uscc';
import type { DemoRandom } from './demo-random';

export interface ResidentIdParts {
  /** six-digit GB/T 2260 county code */
  regionCode: string;
  birthDate: string;
  /** 1–999: the order code; its parity is forced by `gender` (odd = male, GB 11643) */
  order: number;
  gender: Gender;
}

export function syntheticResidentId({ regionCode, birthDate, order, gender }: ResidentIdParts): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`region code ${regionCode} is not six digits`);
  const date = parseIsoDate(birthDate);
  if (!date) throw new RangeError(`birth date ${birthDate} is not a date`);
  if (!Number.isInteger(order) || order < 1 || order > 999) throw new RangeError('order code must be 1–999');
  const wantOdd = gender === 'male';
  const parityFixed = (order % 2 === 1) === wantOdd ? order : order === 999 ? 998 : order + 1;
  const first17 = `${regionCode}${formatIsoDate(date).replaceAll('-', '')}${String(parityFixed).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export interface UsccParts {
  /** registration authority: 1 机构编制, 5 民政, 9 工商 … */
  authority: string;
  /** organisation type within that authority, e.g. 1 企业 / 社会团体, 2 事业单位 / 民办非企业单位 */
  orgType: string;
  regionCode: string;
  /** the eight characters of the organisation code body (GB 11714) */
  body: string;
}

export function syntheticUscc({ authority, orgType, regionCode, body }: UsccParts): string {
  const first17 = `${authority}${orgType}${regionCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** An organisation code body in the GB 32100 character set; registrations since 2015 start with "MA". */
export function randomOrgCodeBody(random: DemoRandom, prefix = ''): string {
  let body = prefix;
  while (body.length < 8) body += random.pick([...USCC_CHARSET]);
  return body;
}
