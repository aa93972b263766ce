/**
 * HTTP Range for media (RFC 9110 §14). Decisions:
 * - Only the `bytes` unit. A header we cannot parse, or another unit, is ignored (full 200), as the RFC allows.
 * - Several ranges: we serve only the FIRST one as a single-part 206. Video elements ask for one range at a time;
 *   multipart/byteranges would add code no client of ours uses, and the RFC lets a server send fewer ranges.
 * - A syntactically valid range that starts at or past the end (or any range of an empty file) → 416 with
 *   `Content-Range: bytes * /size`.
 */
export type RangeRequest =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SPEC = /^\s*(\d*)\s*-\s*(\d*)\s*$/;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'full' };
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return { kind: 'full' };
  const first = (match[1] as string).split(',')[0] as string;
  const spec = SPEC.exec(first);
  if (!spec) return { kind: 'full' };
  const [, startText = '', endText = ''] = spec;
  if (startText === '' && endText === '') return { kind: 'full' };

  if (startText === '') {
    // Suffix range: the last N bytes.
    const suffix = Number(endText);
    if (!Number.isSafeInteger(suffix)) return { kind: 'full' };
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === '' ? Number.MAX_SAFE_INTEGER : Number(endText);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: 'full' };
  if (end < start) return { kind: 'full' }; // invalid spec: ignored like any unparsable header
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
