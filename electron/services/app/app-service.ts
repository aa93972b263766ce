import type { AppInfo } from '../../../shared/contract/ipc';
import type { HandlerTable } from '../ipc/handler-table';

export interface AppServiceDeps {
  info: AppInfo;
  /** Electron: shell.openExternal. Web mode: the browser already owns links, so it answers false. */
  openExternal: (url: string) => Promise<boolean>;
  /** Electron: app.quit. Web mode: closes the host. */
  quit: () => void;
}

type AppHandlers = Pick<HandlerTable, 'app.ping' | 'app.info' | 'app.openExternal' | 'app.quit'>;

export const createAppService = (deps: AppServiceDeps): AppHandlers => ({
  'app.ping': async ({ echo }) => ({ echo }),
  'app.info': async () => deps.info,
  // The contract already refused anything but https; this second check keeps the rule next to the side effect.
  'app.openExternal': async ({ url }) => ({
    opened: new URL(url).protocol === 'https:' ? await deps.openExternal(url) : false,
  }),
  'app.quit': async () => {
    // Let the reply reach the renderer before the process starts shutting down.
    setImmediate(deps.quit);
    return { quitting: true as const };
  },
});
