import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { RegistryErrorBody, RegistryErrorCode } from '../../shared/contract/registry/errors.js';
import { HttpError } from './http-error.js';

const CONTEXT_PREFIX: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** Fastify's own client errors (bad JSON, too large, wrong content type) mapped onto our codes. */
function codeForStatus(status: number): RegistryErrorCode {
  switch (status) {
    case 401: return 'UNAUTHORIZED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 405: return 'METHOD_NOT_ALLOWED';
    case 409: return 'CONFLICT';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 414: return 'VALIDATION';
    case 415: return 'UNSUPPORTED_MEDIA_TYPE';
    case 429: return 'RATE_LIMITED';
    case 503: return 'UNAVAILABLE';
    default: return status >= 500 ? 'INTERNAL' : 'VALIDATION';
  }
}

function fieldOf(context: string | undefined, instancePath: string): string {
  const prefix = CONTEXT_PREFIX[context ?? 'body'] ?? context ?? 'body';
  const path = instancePath.split('/').filter((part) => part !== '').join('.');
  return path === '' ? prefix : `${prefix}.${path}`;
}

export function renderError(error: FastifyError | Error, request: FastifyRequest): { status: number; body: RegistryErrorBody } {
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      body: { error: { code: error.code, message: error.message, ...error.extra } },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const context = (error as { validationContext?: string }).validationContext;
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION',
          message: first?.message ?? 'invalid input',
          field: fieldOf(context, first?.instancePath ?? ''),
        },
      },
    };
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ issues: error.cause.issues, url: error.url }, 'response did not match its schema');
    return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } };
  }
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own messages name the problem (invalid JSON, body too large) without echoing the input.
    const field = status === 414 ? 'params' : status === 400 ? ((error as FastifyError).code === 'FST_ERR_BAD_URL' ? 'params' : 'body') : undefined;
    return { status, body: { error: { code: codeForStatus(status), message: error.message.slice(0, 200), ...(field ? { field } : {}) } } };
  }
  request.log.error({ err: error }, 'unhandled error');
  return { status: status === 503 ? 503 : 500, body: { error: { code: codeForStatus(status ?? 500), message: 'internal error' } } };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = renderError(error, request);
    if (body.error.field === undefined) delete body.error.field;
    if (status === 429) reply.header('retry-after', '60');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
