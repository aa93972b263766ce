import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/contract/result';
import { appErrorOf } from '../../app/query/invoke-error';
import { translateAppError } from '../../i18n/error-message';
import { i18n } from '../../i18n/setup';

/** The review service names its own messages (`review.errors.*`); anything else goes through the shell's table. */
export function reviewErrorText(t: TFunction, error: unknown): string {
  const appError: AppError = appErrorOf(error);
  if (appError.messageKey.startsWith('review.') && i18n.exists(appError.messageKey)) return t(appError.messageKey as never);
  return translateAppError(t, appError);
}
