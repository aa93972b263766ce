import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('orders keys by UTF-16 code units as RFC 8785 does', () => {
    // RFC 8785 §3.2.3 example order: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "\ufb33"
    const value = { '\ufb33': 1, '😀': 2, '€': 3, 'ö': 4, '\u0080': 5, '1': 6, '\r': 7 };
    // (JSON.parse would reorder the integer-like key '1' first, so compare the text.)
    expect(canonicalJson(value)).toBe('{"\\r":7,"1":6,"\u0080":5,"ö":4,"€":3,"😀":2,"\ufb33":1}');
  });

  it('writes numbers the ECMAScript way (RFC 8785 appendix values)', () => {
    expect(canonicalJson([0, -0, 1e21, 1e-7, 333333333.3333333, 4.5, 0.000001, 9007199254740991])).toBe(
      '[0,0,1e+21,1e-7,333333333.3333333,4.5,0.000001,9007199254740991]',
    );
  });

  it('escapes strings like JSON and keeps non-ASCII as is', () => {
    expect(canonicalJson({ s: '焊工 "a"\n\u0001' })).toBe('{"s":"焊工 \\"a\\"\\n\\u0001"}');
  });

  it.each([
    ['undefined', { a: undefined }],
    ['NaN', { a: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
    ['a Date', { d: new Date(0) }],
    ['a Map', new Map()],
    ['a lone surrogate', { s: '\ud800x' }],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
  ])('rejects %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('names where the bad value is', () => {
    expect(() => canonicalJson({ marks: [{ value: Number.NaN }] })).toThrow('$.marks[0].value');
  });
});
