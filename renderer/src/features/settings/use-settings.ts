import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect } from 'react';
import type { Language } from '../../../../shared/domain/settings/settings';
import { osea } from '../../app/bridge/osea';
import { invokeKey, useInvoke, useMutationInvoke } from '../../app/query/use-invoke';
import { i18n } from '../../i18n/setup';
import { applyDayjsLocale } from '../../i18n/ui-locale';

export const useSettings = () => useInvoke('settings.get', {});

/** Saves a patch; the cache (and so the language) changes only after the back end answered ok. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutationInvoke('settings.update', {
    onSuccess: (saved) => {
      queryClient.setQueryData(invokeKey('settings.get', {}), saved);
      // A new cache limit changes what the usage line shows (and may have evicted media).
      void queryClient.invalidateQueries({ queryKey: invokeKey('media.cacheUsage', {}) });
    },
  });
}

/**
 * The UI language is a saved setting. Applied in a layout effect so the first painted frame is already in the
 * saved language; other windows' changes arrive as `settings.changed` events.
 */
export function useLanguageFromSettings(language: Language | undefined): void {
  useLayoutEffect(() => {
    if (!language) return;
    applyDayjsLocale(language);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);

  const queryClient = useQueryClient();
  useEffect(
    () =>
      osea.on('settings.changed', () => {
        void queryClient.invalidateQueries({ queryKey: ['settings.get'] });
      }),
    [queryClient],
  );
}
