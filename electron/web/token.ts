import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_TOKEN_COOKIE, WEB_TOKEN_QUERY } from '../../shared/contract/ipc';

export const newWebToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison; hashing first gives equal lengths so the length itself does not leak. */
export function tokenMatches(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(candidate).digest();
  return timingSafeEqual(a, b);
}

export interface Authorization {
  ok: boolean;
  /** True when the query token was the valid one: the caller trades it for the cookie. */
  viaQuery: boolean;
}

/**
 * Any valid source authorizes: a stale cookie from an earlier run (cookies ignore ports) must not hide the fresh
 * `?token=` of this run. `allowQuery` is false for RPC so a token never has to travel in an API URL.
 */
export function authorize(request: IncomingMessage, url: URL, expected: string, allowQuery: boolean): Authorization {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ') && tokenMatches(expected, authorization.slice(7).trim())) {
    return { ok: true, viaQuery: false };
  }
  if (tokenMatches(expected, cookieValue(request.headers.cookie, WEB_TOKEN_COOKIE))) {
    return { ok: true, viaQuery: false };
  }
  const query = url.searchParams.get(WEB_TOKEN_QUERY) ?? undefined;
  if (allowQuery && tokenMatches(expected, query)) return { ok: true, viaQuery: true };
  return { ok: false, viaQuery: false };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export const tokenCookie = (token: string): string =>
  `${WEB_TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
