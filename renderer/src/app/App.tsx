import { useSettings, useLanguageFromSettings } from '../features/settings/use-settings';
import { systemLanguage } from '../i18n/languages';
import { useInvoke } from './query/use-invoke';
import { AppShell } from './shell/AppShell';
import { BackendUnreachable } from './shell/BackendUnreachable';
import { FullScreenLoading } from './shell/FullScreenLoading';
import { StoreUnavailable } from './shell/StoreUnavailable';

/**
 * Start-up order: the local store must be usable before anything reads from it; a corrupt store gets its own
 * screen, never a silent reset. Then the saved settings (for the language) and the shell.
 */
export function App() {
  const store = useInvoke('store.status', {});
  const storeOk = store.data?.state === 'ok';
  const settings = useSettings();
  // Asked now, alongside the store and settings, so the shell paints once with its role-aware menu.
  useInvoke('session.current', {});
  const settingsUnreadable = store.isError || store.data?.state === 'unavailable';
  useLanguageFromSettings(settings.data?.language ?? (settingsUnreadable ? systemLanguage() : undefined));

  if (store.isPending) return <FullScreenLoading />;
  if (store.isError) return <BackendUnreachable error={store.error.appError} onRetry={() => void store.refetch()} />;
  if (store.data.state === 'unavailable') return <StoreUnavailable status={store.data} />;
  if (storeOk && settings.isPending) return <FullScreenLoading />;
  return <AppShell settings={settings.data} />;
}
