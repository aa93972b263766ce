import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResidentId, maskResidentId, parseResidentId, residentIdCheckChar } from './resident-id';

const TODAY = '2026-12-03';

/** Arbitrary valid ID: Beijing/Shanghai/Guangdong region, a real birth date 1900..2020, any sequence. */
const validId = fc
  .record({
    region: fc.constantFrom('110105', '310104', '440305', '650102'),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  });

describe('residentIdCheckChar (ISO 7064 MOD 11-2)', () => {
  it('gives X for the GB 11643 example 11010519491231002X', () => {
    // Σ digit × weight: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10
    //   + 1·5 + 0·8 + 0·4 + 2·2 = 167; 167 mod 11 = 2 → map[2] = 'X'
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('gives the published check digits of other well-known examples', () => {
    // 440524188001010014 (GB 11643 annex example): Σ = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195,
    // 195 mod 11 = 8 → map[8] = '4'
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    // 7+9+0+5+0+4+2+9+54+0+0+27+0+35+64+0+6 = 222, 222 mod 11 = 2 → 'X'
    expect(residentIdCheckChar('11010119900307803')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('parseResidentId', () => {
  it('derives birth date, gender and province', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female', // 17th digit 2 is even
      provinceCode: '11',
      regionCode: '110105',
    });
    const male = parseResidentId('11010119900307803X', TODAY);
    expect(male.ok && male.gender).toBe('male'); // 17th digit 3 is odd
  });

  it('normalises a lowercase x', () => {
    const parsed = parseResidentId('11010519491231002x', TODAY);
    expect(parsed.ok && parsed.id).toBe('11010519491231002X');
  });

  it.each([
    ['1101051949123100', 'format'],
    ['11010519491231002Y', 'format'],
    ['1101051949123100X2', 'format'],
    [' 11010519491231002X', 'format'],
    ['990105194912310029', 'region'],
    ['00010519491231002X', 'region'],
  ] as const)('%s fails with %s', (id, reason) => {
    expect(parseResidentId(id, TODAY)).toEqual({ ok: false, reason });
  });

  it('rejects impossible, pre-1900 and future birth dates even with a correct check char', () => {
    for (const birth of ['19490230', '19000229', '18991231', '20261204', '20270101']) {
      const first17 = `110105${birth}002`;
      expect(parseResidentId(first17 + residentIdCheckChar(first17), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    }
    const leapDay = '110105200002290021';
    const first17 = leapDay.slice(0, 17);
    expect(parseResidentId(first17 + residentIdCheckChar(first17), TODAY).ok).toBe(true);
    const bornToday = `11010520261203002`;
    expect(parseResidentId(bornToday + residentIdCheckChar(bornToday), TODAY).ok).toBe(true);
  });

  it('rejects a wrong check char', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'checkChar' });
  });

  it('accepts every generated valid ID', () => {
    fc.assert(fc.property(validId, (id) => parseResidentId(id, TODAY).ok));
  });

  it('rejects every single-character change of a valid ID', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, at, replacement) => {
        fc.pre(id[at] !== replacement);
        const changed = id.slice(0, at) + replacement + id.slice(at + 1);
        expect(parseResidentId(changed, TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('maskResidentId', () => {
  it('keeps region code and last four (DESIGN §9 example)', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });
  it('masks a malformed value completely rather than leak it', () => {
    expect(maskResidentId('1101051949')).toBe('**********');
  });
});

describe('ResidentId schema', () => {
  it('trims and uppercases', () => {
    expect(ResidentId.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });
  it('reports the reason as a machine code', () => {
    const result = ResidentId.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('residentId.checkChar');
  });
});
