import { z } from 'zod';
import { USCC_CHARSET } from '../institution/uscc';

/**
 * Archive code: 'OSEA-' + 10 payload characters + 1 check character, all from the 31-character set of
 * GB 32100 (digits and capitals without I, O, S, V, Z, so nothing is misread on a printed certificate).
 * The payload is a registry serial number in base 31, zero-padded (31^10 ≈ 8.2 × 10^14 codes).
 *
 * Check character: weighted sum mod 31 with weights 3^i mod 31 — the scheme GB 32100 uses for its
 * own check character, a pure prime-modulus check in the spirit of ISO 7064. Because 31 is prime and
 * 3 generates all of 1..30, every weight is distinct and invertible: any single substituted character
 * and any swap of two adjacent characters changes the check character.
 */
export const ARCHIVE_CODE_PREFIX = 'OSEA-';
const PAYLOAD_LENGTH = 10;
const RADIX = USCC_CHARSET.length;
export const MAX_ARCHIVE_SERIAL = RADIX ** PAYLOAD_LENGTH - 1;
const SHAPE = new RegExp(`^${ARCHIVE_CODE_PREFIX}[${USCC_CHARSET}]{${PAYLOAD_LENGTH + 1}}$`);

function weight(position: number): number {
  let w = 1;
  for (let i = 0; i < position; i += 1) w = (w * 3) % RADIX;
  return w;
}
const WEIGHTS = Array.from({ length: PAYLOAD_LENGTH }, (_, i) => weight(i + 1));

export function archiveCheckChar(payload: string): string {
  if (payload.length !== PAYLOAD_LENGTH) throw new RangeError(`archive payload must have ${PAYLOAD_LENGTH} characters`);
  let sum = 0;
  for (let i = 0; i < PAYLOAD_LENGTH; i += 1) {
    const value = USCC_CHARSET.indexOf(payload[i]!);
    if (value < 0) throw new RangeError(`'${payload[i]}' is not an archive code character`);
    sum += value * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(RADIX - (sum % RADIX)) % RADIX]!;
}

/** The code for a registry serial number (a safe integer 0 … MAX_ARCHIVE_SERIAL). */
export function archiveCodeFromSerial(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > MAX_ARCHIVE_SERIAL) {
    throw new RangeError('archive serial out of range');
  }
  let payload = '';
  for (let rest = serial, i = 0; i < PAYLOAD_LENGTH; i += 1, rest = Math.floor(rest / RADIX)) {
    payload = USCC_CHARSET[rest % RADIX]! + payload;
  }
  return ARCHIVE_CODE_PREFIX + payload + archiveCheckChar(payload);
}

export function isValidArchiveCode(code: string): boolean {
  if (!SHAPE.test(code)) return false;
  const payload = code.slice(ARCHIVE_CODE_PREFIX.length, ARCHIVE_CODE_PREFIX.length + PAYLOAD_LENGTH);
  return archiveCheckChar(payload) === code[code.length - 1];
}

/** The serial number a valid code encodes, or null for an invalid code. */
export function archiveSerialFromCode(code: string): number | null {
  if (!isValidArchiveCode(code)) return null;
  const payload = code.slice(ARCHIVE_CODE_PREFIX.length, ARCHIVE_CODE_PREFIX.length + PAYLOAD_LENGTH);
  let serial = 0;
  for (const char of payload) serial = serial * RADIX + USCC_CHARSET.indexOf(char);
  return serial;
}

/** A checked archive code; input from a QR scan or typed by hand is trimmed and uppercased first. */
export const ArchiveCode = z.string().trim().toUpperCase().refine(isValidArchiveCode, 'archiveCode.invalid');
export type ArchiveCode = z.infer<typeof ArchiveCode>;
