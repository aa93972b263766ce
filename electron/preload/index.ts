import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_EVENT,
  IPC_INVOKE,
  isChannelName,
  isEventName,
  type OseaBridge,
} from '../../shared/contract/ipc';
import type { Result } from '../../shared/contract/result';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT, (_event, message: { event?: unknown; payload?: unknown }) => {
  if (!isEventName(message?.event)) return;
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

/** window.osea: the only thing exposed. Channel names are checked here so a typo fails before it crosses. */
const api = {
  async invoke(channel, input) {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel' } };
    }
    return (await ipcRenderer.invoke(IPC_INVOKE, channel, input)) as Result<never>;
  },
  on(event, listener) {
    if (!isEventName(event)) return () => {};
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener as Listener);
    return () => {
      set.delete(listener as Listener);
    };
  },
  mediaUrl(relativePath) {
    const encoded = relativePath.split('/').filter(Boolean).map(encodeURIComponent).join('/');
    return `media://cache/${encoded}`;
  },
} satisfies OseaBridge;

contextBridge.exposeInMainWorld('osea', api);
