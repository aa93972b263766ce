import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../electron/services/media/range';

describe('parseRange (size 1000)', () => {
  const size = 1000;
  it.each([
    ['bytes=0-', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=100-199', { kind: 'partial', start: 100, end: 199 }],
    ['bytes=900-5000', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=999-999', { kind: 'partial', start: 999, end: 999 }],
    ['bytes=-500', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['BYTES = 10 - 20', { kind: 'partial', start: 10, end: 20 }],
    // Several ranges: only the first is served (see range.ts).
    ['bytes=100-199, 300-399', { kind: 'partial', start: 100, end: 199 }],
  ])('%s → %j', (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it.each([['bytes=1000-'], ['bytes=1000-1200'], ['bytes=-0'], ['bytes=5000-, 0-10']])('%s is unsatisfiable', (header) => {
    expect(parseRange(header, size)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each([[undefined], [''], ['items=0-10'], ['bytes=abc'], ['bytes=200-100'], ['bytes=-'], ['bytes=1.5-2']])(
    '%s is ignored (full response)',
    (header) => {
      expect(parseRange(header, size)).toEqual({ kind: 'full' });
    },
  );

  it('any range of an empty file is unsatisfiable', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
