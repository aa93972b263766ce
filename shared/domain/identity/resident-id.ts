import { z } from 'zod';
import { formatIsoDate, parseIsoDate, todayInChina } from '../common/iso-date';
import { isProvinceCode } from '../common/province-codes';

/** GB 11643-1999 / ISO 7064 MOD 11-2 weights for the first 17 digits (2^(17-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;
const SHAPE = /^\d{17}[\dX]$/;

export type ResidentIdProblem = 'format' | 'region' | 'birthDate' | 'checkChar';
export type Gender = 'male' | 'female';

export type ParsedResidentId =
  | { ok: true; id: string; birthDate: string; gender: Gender; provinceCode: string; regionCode: string }
  | { ok: false; reason: ResidentIdProblem };

/** The 18th character for the given first 17 digits. Throws on anything but 17 digits: a programming error. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks an 18-character resident ID and derives what it encodes. `today` ('YYYY-MM-DD') is a
 * parameter so the not-in-the-future rule is testable; it defaults to today's date in China.
 * A lowercase x is accepted and normalised; surrounding whitespace is not (the zod schema trims).
 */
export function parseResidentId(input: string, today: string = todayInChina()): ParsedResidentId {
  const id = input.toUpperCase();
  if (!SHAPE.test(id)) return { ok: false, reason: 'format' };
  const regionCode = id.slice(0, 6);
  const provinceCode = id.slice(0, 2);
  if (!isProvinceCode(provinceCode)) return { ok: false, reason: 'region' };
  const birth = parseIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  if (!birth || birth.year < 1900) return { ok: false, reason: 'birthDate' };
  const birthDate = formatIsoDate(birth);
  if (birthDate > today) return { ok: false, reason: 'birthDate' };
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checkChar' };
  const gender: Gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id, birthDate, gender, provinceCode, regionCode };
}

/** Shown masked everywhere (DESIGN §9): region code and last four kept, the eight birth-date digits hidden. */
export function maskResidentId(id: string): string {
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/**
 * A checked resident ID, trimmed and normalised to an uppercase X. The issue message is a machine
 * code `residentId.<reason>` the UI translates. Built from string checks (no transform) so it
 * still converts to JSON Schema for the registry's OpenAPI document.
 */
export const ResidentId = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const parsed = parseResidentId(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `residentId.${parsed.reason}` });
  });
export type ResidentId = z.infer<typeof ResidentId>;
