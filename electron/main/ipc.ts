import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/ipc';
import { err } from '../../shared/contract/result';
import type { Dispatch } from '../services/ipc/dispatcher';
import type { EventHub } from '../services/events/event-hub';
import { isAppUrl } from './origins';

/** One invoke channel for every contract call; the sender frame must be our renderer (GitHub Desktop style). */
export function wireIpc(dispatch: Dispatch, events: EventHub, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) {
      return err({ code: 'UNTRUSTED_SENDER', messageKey: 'errors.untrustedSender' });
    }
    return dispatch(channel, input, { transport: 'ipc' });
  });
  const unsubscribe = events.subscribe((event, payload) => {
    getWindow()?.webContents.send(IPC_EVENT, { event, payload });
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
