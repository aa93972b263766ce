import type { AppError, Result } from '../../../../shared/contract/result';

/** An Err result turned into a thrown value, so react-query's error state carries the AppError intact. */
export class InvokeError extends Error {
  constructor(readonly appError: AppError) {
    super(`${appError.code}: ${appError.messageKey}`);
    this.name = 'InvokeError';
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new InvokeError(result.error);
}

export const appErrorOf = (error: unknown): AppError =>
  error instanceof InvokeError
    ? error.appError
    : { code: 'INTERNAL', messageKey: 'errors.internal', details: { reason: String(error) } };
