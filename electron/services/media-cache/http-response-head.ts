/**
 * The head of an HTTP/1.x response (RFC 9112 §4–§6), as the blob download reads it off the socket itself. Strict:
 * anything a well-behaved server would not send is refused with the reason, so a garbage answer becomes a clear,
 * retryable download error instead of a misread length.
 */
export interface ResponseHead {
  status: number;
  /** lower-cased names; a repeated header's values joined with ", " */
  headers: ReadonlyMap<string, string>;
  /** the body's length: present and unambiguous, or the head is refused */
  contentLength: number;
}

export type HeadParse = { ok: true; head: ResponseHead } | { ok: false; reason: string };

const STATUS_LINE = /^HTTP\/1\.[01] ([1-9]\d\d)(?: [^\r\n]*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// visible ASCII, spaces, tabs and obs-text; no control characters
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Parses the head's text: everything before the blank line that ends it, decoded as latin1. */
export function parseResponseHead(text: string): HeadParse {
  const lines = text.split('\r\n');
  const status = STATUS_LINE.exec(lines[0] ?? '');
  if (!status) return { ok: false, reason: `not an HTTP/1.x status line: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}` };
  const headers = new Map<string, string>();
  const lengths = new Set<string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    // obsolete line folding and names with spaces are refused outright (RFC 9112 §5.1–§5.2)
    if (!TOKEN.test(name)) return { ok: false, reason: `malformed header line: ${JSON.stringify(line.slice(0, 80))}` };
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (!FIELD_VALUE.test(value)) return { ok: false, reason: `control characters in header ${name}` };
    const key = name.toLowerCase();
    if (key === 'content-length') for (const part of value.split(',')) lengths.add(part.trim());
    const before = headers.get(key);
    headers.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  if (headers.has('transfer-encoding')) return { ok: false, reason: `transfer-encoding ${headers.get('transfer-encoding')} (a blob is sent with a length)` };
  if (lengths.size !== 1) return { ok: false, reason: lengths.size === 0 ? 'no content-length' : 'conflicting content-length values' };
  const [length] = [...lengths] as [string];
  if (!/^\d{1,15}$/.test(length)) return { ok: false, reason: `content-length ${JSON.stringify(length)} is not a length` };
  return { ok: true, head: { status: Number(status[1]), headers, contentLength: Number(length) } };
}
