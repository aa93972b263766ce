import { z } from 'zod';
import { isProvinceCode } from '../common/province-codes';

/** GB 32100-2015 code set: digits and capitals without I, O, S, V, Z (31 characters, value = index). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31 for positions 1..17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714-1997 organisation-code weights for its first 8 characters. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
/**
 * Registration-authority codes of GB 32100-2015 (1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游,
 * 7 宗教, 8 工会, 9 工商, A 中央军委改革和编制办公室, N 农业, Y 其他). The organisation-type character
 * that follows is only checked against the code set: its table differs per authority and changes.
 */
const REGISTRATION_AUTHORITIES = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y']);
/** Central (national-level) registrations use the region code 100000. */
const NATIONAL_REGION_PREFIX = '10';

export type UsccProblem = 'format' | 'authority' | 'region' | 'orgCodeCheckChar' | 'checkChar';

function charValue(char: string): number {
  return USCC_CHARSET.indexOf(char);
}

/** Check character (position 18) for the first 17 characters. Throws on characters outside the code set. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = charValue(first17[i]!);
    if (value < 0) throw new RangeError(`usccCheckChar: '${first17[i]}' is not in the GB 32100 code set`);
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of a 9-character organisation code body (first 8 characters, 0-9 A-Z → 0-35). */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('orgCodeCheckChar needs 8 characters 0-9A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number.parseInt(first8[i]!, 36) * ORG_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

export function checkUscc(code: string): { ok: true } | { ok: false; reason: UsccProblem } {
  if (code.length !== 18 || [...code].some((char) => charValue(char) < 0)) return { ok: false, reason: 'format' };
  if (!REGISTRATION_AUTHORITIES.has(code[0]!)) return { ok: false, reason: 'authority' };
  const region = code.slice(2, 8);
  const province = region.slice(0, 2);
  if (!/^\d{6}$/.test(region) || !(isProvinceCode(province) || province === NATIONAL_REGION_PREFIX)) {
    return { ok: false, reason: 'region' };
  }
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return { ok: false, reason: 'orgCodeCheckChar' };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'checkChar' };
  return { ok: true };
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code).ok;
}

/** A checked unified social credit code, trimmed and uppercased; issue message `uscc.<reason>`. */
export const UnifiedSocialCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const checked = checkUscc(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: `uscc.${checked.reason}` });
  });
export type UnifiedSocialCreditCode = z.infer<typeof UnifiedSocialCreditCode>;
