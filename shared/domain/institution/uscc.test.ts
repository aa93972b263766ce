import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, UnifiedSocialCreditCode, checkUscc, isValidUscc, orgCodeCheckChar, usccCheckChar } from './uscc';

/** Codes printed on real business licences (cited as examples by public validators, e.g. hutool). */
const REAL_CODES = [
  '91350100M000100Y43',
  '91310115591693856A',
  '91310110666007217T',
  '91350200776049653A',
  '91440101MA5CJQ4N59',
  '913502000728319549',
  '123502001549897397',
  '9135021359498494XQ',
  '91350213678251743X',
];

const orgCodeChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY');
const validUscc = fc
  .record({
    authority: fc.constantFrom('1', '5', '9', 'Y'),
    orgType: fc.constantFrom('1', '2', '3'),
    region: fc.constantFrom('110000', '350100', '440305', '100000'),
    body: fc.array(orgCodeChar, { minLength: 8, maxLength: 8 }).map((chars) => chars.join('')),
  })
  .map(({ authority, orgType, region, body }) => {
    const first17 = `${authority}${orgType}${region}${body}${orgCodeCheckChar(body)}`;
    return first17 + usccCheckChar(first17);
  });

describe('usccCheckChar (GB 32100-2015)', () => {
  it('computes the check char of the standard example 91350100M000100Y43', () => {
    // values: 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // Σ = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3'
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses characters outside the code set', () => {
    expect(() => usccCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('computes the organisation-code check char inside the example', () => {
    // M=22 0 0 0 1 0 0 Y=34 · 3 7 9 10 5 8 4 2 = 66 + 5 + 68 = 139; 139 mod 11 = 7; 11 − 7 = 4
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });
  it('maps 10 to X and 11 to 0', () => {
    // a zero sum gives 11 − 0 = 11 → '0'
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // 1 at the last position: weight 2 → 11 − 2 = 9
    expect(orgCodeCheckChar('00000001')).toBe('9');
    // 1 at position 1 (weight 3) and 'A'=10 at the end (weight 2): 3 + 20 = 23; 23 mod 11 = 1; 11 − 1 = 10 → 'X'
    expect(orgCodeCheckChar('1000000A')).toBe('X');
  });
});

describe('checkUscc', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true });
  });

  it('rejects an early pilot-region code that breaks the standard', () => {
    // Issued before GB 32100 was final; its check char does not follow the standard, as hutool also notes.
    expect(isValidUscc('91350211M00013FA1N')).toBe(false);
  });

  it.each([
    ['91350100M000100Y4', 'format'],
    ['91350100M000100Y4I', 'format'],
    ['91350100m000100y43', 'format'],
    ['B1350100M000100Y43', 'authority'],
    ['91990100M000100Y43', 'region'],
    ['9135010AM000100Y43', 'region'],
    ['91350100M000100Y53', 'orgCodeCheckChar'],
    ['91350100M000100Y44', 'checkChar'],
  ] as const)('%s fails with %s', (code, reason) => {
    expect(checkUscc(code)).toEqual({ ok: false, reason });
  });

  it('accepts every generated code', () => {
    fc.assert(fc.property(validUscc, (code) => isValidUscc(code)));
  });

  it('rejects every single-character change of a valid code', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...USCC_CHARSET), (code, at, replacement) => {
        fc.pre(code[at] !== replacement);
        expect(isValidUscc(code.slice(0, at) + replacement + code.slice(at + 1))).toBe(false);
      }),
    );
  });
});

describe('UnifiedSocialCreditCode schema', () => {
  it('trims and uppercases', () => {
    expect(UnifiedSocialCreditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
  it('reports the reason as a machine code', () => {
    expect(UnifiedSocialCreditCode.safeParse('91350100M000100Y44').error?.issues[0]?.message).toBe('uscc.checkChar');
  });
});
