import type { AppError, Err } from '../../../../shared/contract/result';

/**
 * Errors the transport itself produces (the host never answered, or answered nonsense). They use the same AppError
 * shape as service errors so the UI translates them the same way and feature code never needs a try/catch.
 */
export const offlineError = (reason: string): Err => ({
  ok: false,
  error: { code: 'OFFLINE', messageKey: 'errors.offline', details: { reason } },
});

export const unauthorizedError = (): Err => ({
  ok: false,
  error: { code: 'UNAUTHORIZED', messageKey: 'errors.unauthorized' },
});

export const malformedResponseError = (reason: string): Err => ({
  ok: false,
  error: { code: 'INTERNAL', messageKey: 'errors.internal', details: { reason } } satisfies AppError,
});
