import type { TFunction } from 'i18next';
import { RegistryUrl } from '../../../../shared/domain/settings/settings';
import { translateErrorKey } from '../../i18n/error-message';

/**
 * The form checks the registry URL with the very schema the back end parses with, so the message the user sees
 * before saving is the one a server-side rejection would give.
 */
export const registryUrlRule = (t: TFunction) => ({
  validator: async (_rule: unknown, value: unknown) => {
    const parsed = RegistryUrl.safeParse(value ?? '');
    if (parsed.success) return;
    throw new Error(translateErrorKey(t, parsed.error.issues[0]?.message, 'VALIDATION'));
  },
});
