import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/ipc';
import { err } from '../../shared/contract/result';
import type { Dispatch } from '../services/ipc/dispatcher';
import type { EventHub } from '../services/events/event-hub';
import { judgeSender } from './trusted-sender';

/**
 * One invoke channel for every contract call. Every call is checked before it reaches the dispatcher: the main
 * window's webContents, its top frame, showing our renderer (judgeSender, unit-tested).
 */
export function wireIpc(
  dispatch: Dispatch,
  events: EventHub,
  getWindow: () => BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const window = getWindow();
    const verdict = judgeSender(event.sender, event.senderFrame, window ? window.webContents : null, isAppUrl);
    if (verdict !== 'trusted') {
      console.warn(`[ipc] refused a call from an untrusted sender (${verdict})`);
      return err({ code: 'UNTRUSTED_SENDER', messageKey: 'errors.untrustedSender' });
    }
    return dispatch(channel, input, { transport: 'ipc' });
  });
  const unsubscribe = events.subscribe((event, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT, { event, payload });
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
