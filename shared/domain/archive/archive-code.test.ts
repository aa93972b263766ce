import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_CHARSET } from '../institution/uscc';
import { ArchiveCode, MAX_ARCHIVE_SERIAL, archiveCheckChar, archiveCodeFromSerial, archiveSerialFromCode, isValidArchiveCode } from './archive-code';

const serialArb = fc.integer({ min: 0, max: MAX_ARCHIVE_SERIAL });

describe('archive code', () => {
  it('encodes serials in base 31 with the hand-computed check character', () => {
    // weights for payload positions 1..10: 3^i mod 31 = 3 9 27 19 26 16 17 20 29 25
    // serial 1 → payload 0000000001: 1 × 25 = 25; 31 − 25 = 6 → '6'
    expect(archiveCodeFromSerial(1)).toBe('OSEA-00000000016');
    // serial 31 → 0000000010: 1 × 29 = 29; 31 − 29 = 2 → '2'
    expect(archiveCodeFromSerial(31)).toBe('OSEA-00000000102');
    // serial 30 → 000000000Y: 30 × 25 = 750; 750 mod 31 = 6; 31 − 6 = 25 → 'R'
    expect(archiveCodeFromSerial(30)).toBe('OSEA-000000000YR');
    expect(archiveCodeFromSerial(0)).toBe('OSEA-00000000000');
    expect(archiveCheckChar('0000000001')).toBe('6');
  });

  it('round-trips every serial', () => {
    fc.assert(fc.property(serialArb, (serial) => archiveSerialFromCode(archiveCodeFromSerial(serial)) === serial));
    expect(archiveSerialFromCode(archiveCodeFromSerial(MAX_ARCHIVE_SERIAL))).toBe(MAX_ARCHIVE_SERIAL);
  });

  it('detects any single substituted character', () => {
    fc.assert(
      fc.property(serialArb, fc.integer({ min: 5, max: 15 }), fc.constantFrom(...USCC_CHARSET), (serial, at, replacement) => {
        const code = archiveCodeFromSerial(serial);
        fc.pre(code[at] !== replacement);
        expect(isValidArchiveCode(code.slice(0, at) + replacement + code.slice(at + 1))).toBe(false);
      }),
    );
  });

  it('detects any swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(serialArb, fc.integer({ min: 5, max: 14 }), (serial, at) => {
        const code = archiveCodeFromSerial(serial);
        fc.pre(code[at] !== code[at + 1]);
        const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2);
        expect(isValidArchiveCode(swapped)).toBe(false);
      }),
    );
  });

  it('rejects malformed codes and out-of-range serials', () => {
    for (const bad of ['OSEA-0000000001', 'OSEA-000000000166', 'OSEB-00000000016', 'OSEA-0000000000I6', 'osea-00000000016']) {
      expect(isValidArchiveCode(bad)).toBe(false);
    }
    expect(archiveSerialFromCode('OSEA-00000000017')).toBeNull();
    expect(() => archiveCodeFromSerial(-1)).toThrow(RangeError);
    expect(() => archiveCodeFromSerial(MAX_ARCHIVE_SERIAL + 1)).toThrow(RangeError);
    expect(() => archiveCodeFromSerial(1.5)).toThrow(RangeError);
  });

  it('schema normalises scanned or typed input', () => {
    expect(ArchiveCode.parse(' osea-00000000016 ')).toBe('OSEA-00000000016');
    expect(ArchiveCode.safeParse('OSEA-00000000017').error?.issues[0]?.message).toBe('archiveCode.invalid');
  });
});
