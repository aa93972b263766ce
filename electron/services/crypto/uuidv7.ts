import { randomBytes } from 'node:crypto';

let lastMs = -1;
let lastCounter = 0;

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, a 12-bit counter in rand_a (method 1 of §6.2) so ids made
 * in the same millisecond still sort in creation order, then 62 random bits. The installed `uuid` package is v8,
 * which has no v7. The counter never decides ordering of ops (the per-device seq does); it only keeps ids unique
 * and index-friendly.
 */
export function uuidv7(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    lastCounter += 1;
    if (lastCounter > 0xfff) {
      // Counter exhausted within one millisecond: borrow the next millisecond rather than repeat.
      lastMs += 1;
      lastCounter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    lastCounter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((lastCounter >> 8) & 0x0f);
  bytes[7] = lastCounter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
