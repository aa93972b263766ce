import type { AppInfo } from '../../shared/contract/ipc';
import { DEFAULT_SETTINGS, GIB, type Settings } from '../../shared/domain/settings/settings';
import { createAppService } from './app/app-service';
import { SettingsRepository } from './db/repositories/settings-repository';
import { WorkstationStore } from './db/store';
import { EventHub } from './events/event-hub';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import type { HandlerTable } from './ipc/handler-table';
import { consoleLog, type Log } from './ipc/log';
import { mediaCacheDir } from './app/paths';
import { cacheMedia } from './review/review-media';
import { createReviewService } from './review/review-service';
import { createSettingsService } from './settings/settings-service';
import { createStoreService } from './store/store-service';
import { secretStorageFromEnvironment, type SecretStorage } from './crypto/secret-storage';
import { createSyncServices, type SyncServices } from './sync/sync-services';

export interface WorkstationOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  /** Default registry URL when the user has not saved one (the embedded demo registry in web mode). */
  registryUrl?: string;
  openExternal: (url: string) => Promise<boolean>;
  quit: () => void;
  log?: Log;
  /** Electron passes safeStorage; web mode and tests fall back to OSEA_SECRET_KEY or a key file (weaker). */
  secretStorage?: SecretStorage;
}

export interface Workstation {
  store: WorkstationStore;
  events: EventHub;
  handlers: HandlerTable;
  dispatch: Dispatch;
  sync: SyncServices;
  close(): void;
}

/** Builds the back end once per process; both Electron main and the web host call this and only add a transport. */
export function createWorkstation(options: WorkstationOptions): Workstation {
  const store = WorkstationStore.open(options.dataDir);
  const events = new EventHub();
  const defaults: Settings = { ...DEFAULT_SETTINGS, ...(options.registryUrl ? { registryUrl: options.registryUrl } : {}) };
  const settings = new SettingsRepository(() => store.db(), () => defaults);
  const sync = createSyncServices({
    db: () => store.db(),
    events,
    storage: options.secretStorage ?? secretStorageFromEnvironment({ dataDir: options.dataDir }).storage,
    registryUrl: () => settings.get().registryUrl,
    mediaQuotaBytes: () => settings.get().mediaQuotaGiB * GIB,
    log: options.log ?? consoleLog,
    mediaRoot: mediaCacheDir(options.dataDir),
  });
  const handlers: HandlerTable = {
    ...createAppService({
      info: { version: options.version, dataDir: options.dataDir, mode: options.mode, platform: process.platform },
      openExternal: options.openExternal,
      quit: options.quit,
    }),
    ...createSettingsService(settings, events),
    ...sync.handlers,
    ...createReviewService({
      db: () => store.db(), session: sync.session, mediaRoot: mediaCacheDir(options.dataDir), afterEnqueue: () => sync.kick(),
      downloadProgress: (sha) => sync.media.progressPercent(sha), media: cacheMedia(sync.media),
    }),
    ...createStoreService(store),
  };
  // The cache keeps to its budget from the start (it may have been lowered, or tasks finished, while the app was
  // closed) and as soon as the budget is saved lower. A store that is not open has nothing to evict yet.
  const evictToBudget = () => sync.media.evict().catch((error: unknown) => (options.log ?? consoleLog).warn('media eviction failed', { error: String(error) }));
  if (store.status().state === 'ok') void evictToBudget();
  events.subscribe((event) => {
    if (event === 'settings.changed') void evictToBudget();
  });
  return {
    store,
    events,
    handlers,
    dispatch: createDispatcher(handlers, options.log ?? consoleLog),
    sync,
    close: () => {
      sync.close();
      store.close();
    },
  };
}
