import type { TFunction } from 'i18next';
import type { AppError, ErrorCode } from '../../../shared/contract/result';
import { i18n } from './setup';

/** One message per ErrorCode; a new code without a message here is a compile error. */
const messageByCode: Record<ErrorCode, `errors.${string}`> = {
  VALIDATION: 'errors.validation',
  NOT_FOUND: 'errors.notFound',
  CONFLICT: 'errors.conflict',
  OFFLINE: 'errors.offline',
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  UNKNOWN_CHANNEL: 'errors.unknownChannel',
  UNTRUSTED_SENDER: 'errors.untrustedSender',
  STORE_UNAVAILABLE: 'errors.storeUnavailable',
  INTERNAL: 'errors.internal',
};

/**
 * The back end names its message as an i18n key, with or without the `errors.` prefix (zod refinements carry keys
 * like `settings.registryUrl.invalid`). Unknown keys fall back to the code's general message, never to a raw key.
 */
export function translateErrorKey(t: TFunction, key: string | undefined, code: ErrorCode): string {
  for (const candidate of key ? [key.startsWith('errors.') ? key : `errors.${key}`] : []) {
    if (i18n.exists(candidate)) return t(candidate as never);
  }
  return t(messageByCode[code] as never);
}

export const translateAppError = (t: TFunction, error: AppError): string => translateErrorKey(t, error.messageKey, error.code);

/** Field-level messages for a VALIDATION error, keyed by the first element of each issue path. */
export function fieldErrors(t: TFunction, error: AppError): Map<string, string> {
  const byField = new Map<string, string>();
  if (error.code !== 'VALIDATION') return byField;
  for (const issue of error.details?.issues ?? []) {
    const field = issue.path[0];
    if (field === undefined || byField.has(String(field))) continue;
    byField.set(String(field), translateErrorKey(t, issue.message, 'VALIDATION'));
  }
  return byField;
}
