import type { RegistryErrorCode } from '../../shared/contract/registry/errors.js';

/** Thrown by handlers and services for expected failures; the error handler renders it as the uniform error body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: RegistryErrorCode,
    message: string,
    readonly extra: { field?: string; expectedSeq?: number } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, field?: string, code: RegistryErrorCode = 'VALIDATION'): HttpError =>
  new HttpError(400, code, message, field === undefined ? {} : { field });
export const notFound = (what: string): HttpError => new HttpError(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (message: string, code: RegistryErrorCode = 'FORBIDDEN'): HttpError =>
  new HttpError(403, code, message);
export const conflict = (code: RegistryErrorCode, message: string, field?: string): HttpError =>
  new HttpError(409, code, message, field === undefined ? {} : { field });
export const unprocessable = (code: RegistryErrorCode, message: string, field?: string): HttpError =>
  new HttpError(422, code, message, field === undefined ? {} : { field });
