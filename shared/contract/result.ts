import { z } from 'zod';

/**
 * Every call across the bridge (IPC or web mode) resolves to a Result, never a thrown error,
 * so the renderer always gets a machine-readable code and an i18n key it can translate.
 */
export const ErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'OFFLINE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'STORE_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const AppError = z.object({
  code: ErrorCode,
  /** i18n key under `errors.` in renderer/src/i18n */
  messageKey: z.string(),
  details: z
    .object({
      issues: z.array(FieldIssue).optional(),
      reason: z.string().optional(),
      file: z.string().optional(),
    })
    .optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (error: AppError): Err => ({ ok: false, error });

/** Thrown by services for expected failures; the handle() wrapper turns it into an Err. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly details?: AppError['details'],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'ServiceError';
  }
}
