import type { HandlerTable } from '../ipc/handler-table';
import type { WorkstationStore } from '../db/store';

type StoreHandlers = Pick<HandlerTable, 'store.status' | 'store.moveAsideAndStartFresh'>;

export const createStoreService = (store: WorkstationStore): StoreHandlers => ({
  'store.status': async () => store.status(),
  'store.moveAsideAndStartFresh': async () => store.moveAsideAndStartFresh(),
});
