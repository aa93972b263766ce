import { ipcEvents, type EventName, type EventPayload } from '../../../shared/contract/ipc';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Main → renderer events. Every payload is checked against the contract before any transport sees it,
 * so a service bug surfaces here rather than as a malformed message in the UI.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = ipcEvents[event].parse(payload) as EventPayload<E>;
    for (const listener of this.listeners) listener(event, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
