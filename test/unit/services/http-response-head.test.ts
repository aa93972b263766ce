import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResponseHead } from '../../../electron/services/media-cache/http-response-head';

const head = (...lines: string[]) => lines.join('\r\n');

describe('parseResponseHead', () => {
  it('reads the status, the headers (names lower-cased, values trimmed) and the length', () => {
    const parsed = parseResponseHead(head('HTTP/1.1 206 Partial Content', 'Content-Range: bytes 10-19/20', 'content-length:   10 ', 'ETag: "abc"'));
    expect(parsed).toEqual({
      ok: true,
      head: { status: 206, contentLength: 10, headers: new Map([['content-range', 'bytes 10-19/20'], ['content-length', '10'], ['etag', '"abc"']]) },
    });
  });

  it('takes a repeated identical length, and a status line without a reason phrase', () => {
    expect(parseResponseHead(head('HTTP/1.0 200', 'Content-Length: 5', 'Content-Length: 5'))).toMatchObject({ ok: true, head: { status: 200, contentLength: 5 } });
    expect(parseResponseHead(head('HTTP/1.1 200 OK', 'Content-Length: 5, 5'))).toMatchObject({ ok: true, head: { contentLength: 5 } });
  });

  it.each([
    ['an HTML page', '<!doctype html><html>', /status line/],
    ['HTTP/2 text', 'HTTP/2 200', /status line/],
    ['a status of two digits', 'HTTP/1.1 20 OK', /status line/],
    ['no length', head('HTTP/1.1 200 OK', 'Content-Type: video/mp4'), /no content-length/],
    ['two lengths', head('HTTP/1.1 200 OK', 'Content-Length: 5', 'Content-Length: 6'), /conflicting/],
    ['a negative length', head('HTTP/1.1 200 OK', 'Content-Length: -1'), /not a length/],
    ['a chunked body', head('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked'), /transfer-encoding/],
    ['a folded header', head('HTTP/1.1 200 OK', 'Content-Length: 5', ' folded'), /malformed header/],
    ['a space before the colon', head('HTTP/1.1 200 OK', 'Content-Length : 5'), /malformed header/],
    ['a control character', head('HTTP/1.1 200 OK', 'Content-Length: 5', 'X-A: a\u0000b'), /control characters/],
  ])('refuses %s with the reason', (_, text, reason) => {
    const parsed = parseResponseHead(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('never throws, and whatever it accepts has a non-negative integer length and a three-digit status', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('HTTP/1.1 200 OK', 'Content-Length: 12', 'Content-Length: x', 'A: b')), { maxLength: 6 }), (lines) => {
        const parsed = parseResponseHead(lines.join('\r\n'));
        if (parsed.ok) {
          expect(Number.isSafeInteger(parsed.head.contentLength) && parsed.head.contentLength >= 0).toBe(true);
          expect(parsed.head.status).toBeGreaterThanOrEqual(100);
          expect(parsed.head.status).toBeLessThan(1000);
        }
      }),
      { numRuns: 500 },
    );
  });
});
