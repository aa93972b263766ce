import type { FastifyInstance } from 'fastify';
import { badRequest } from './http-error.js';

const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** Path of the first string (value or key) that is not storable text: a NUL (PostgreSQL refuses it) or a lone surrogate. */
function firstBadText(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = firstBadText(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const at = `${path}.${key}`;
    if (!isStorableText(key)) return at;
    const found = firstBadText(child, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * One rule for every route, before the zod schemas run: text must be well-formed Unicode without NUL. Both dialects
 * then store exactly what was sent, and canonical JSON (which refuses lone surrogates) never fails deep in a handler.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const bad =
      firstBadText(request.params, 'params', 0) ?? firstBadText(request.query, 'query', 0) ?? firstBadText(request.body, 'body', 0);
    if (bad) throw badRequest('text must be well-formed Unicode without NUL characters', bad);
  });
}
