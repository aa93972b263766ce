import type { z } from 'zod';
import { RegistryErrorBody } from '../../../shared/contract/registry/errors';

/**
 * Every answer from the registry, sorted by what the client should do with it. Nothing here throws for a bad answer:
 * the registry's bytes are parsed with the contract schemas, and anything else is `bad-response`, which the
 * sync engine treats like a network fault (retry later), never like a result.
 */
export type RegistryOutcome<T> =
  | { kind: 'ok'; status: number; value: T }
  | { kind: 'error'; status: number; body: RegistryErrorBody | null; retryAfterMs: number | null }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'bad-response'; status: number; reason: string };

export interface RegistryRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  token?: string | undefined;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export async function callRegistry<S extends z.ZodType>(
  baseUrl: string,
  request: RegistryRequest,
  schema: S,
): Promise<RegistryOutcome<z.output<S>>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(new URL(request.path, baseUrl), {
      method: request.method,
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    // A reset or timeout while the body streams in is a network fault, same as one before the headers.
    text = await response.text();
  } catch (error) {
    return { kind: 'unreachable', reason: describeNetworkError(error) };
  }
  const json = parseJsonBody(response, text);
  if (response.ok) {
    if (!json.ok) return { kind: 'bad-response', status: response.status, reason: json.reason };
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) return { kind: 'bad-response', status: response.status, reason: `schema: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    return { kind: 'ok', status: response.status, value: parsed.data };
  }
  const body = json.ok ? RegistryErrorBody.safeParse(json.value) : null;
  // A 4xx without our error body is a proxy or a stranger answering: not a business answer we may act on.
  if (response.status < 500 && response.status !== 429 && !body?.success) {
    return { kind: 'bad-response', status: response.status, reason: json.ok ? 'error body not in the registry format' : json.reason };
  }
  return {
    kind: 'error',
    status: response.status,
    body: body?.success ? body.data : null,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  };
}

function parseJsonBody(response: Response, text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return { ok: false, reason: `content type ${type || 'missing'}` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: `body is not JSON (${text.length} bytes)` };
  }
}

/** Retry-After as seconds or an HTTP date; capped at an hour so a hostile header cannot park the queue forever. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(0, ms), 3_600_000);
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    if (error.name === 'TimeoutError') return 'timeout';
    return cause?.code ?? error.message;
  }
  return String(error);
}

/** Worth retrying later: the registry may not have answered at all, or said "not now". */
export function isTransient(outcome: RegistryOutcome<unknown>): boolean {
  return outcome.kind === 'unreachable'
    || outcome.kind === 'bad-response'
    || (outcome.kind === 'error' && (outcome.status >= 500 || outcome.status === 429 || outcome.status === 408));
}
