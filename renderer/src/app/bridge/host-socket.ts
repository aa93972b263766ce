import { ipcEvents, isEventName, type EventName, type EventPayload } from '../../../../shared/contract/ipc';

type Listener = (payload: never) => void;

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * The web-mode event stream: one WebSocket, opened on the first subscription, reopened with capped exponential
 * backoff whenever the host drops it (a restart of the host must not leave the UI deaf). Every message is parsed
 * against the event contract; anything else is ignored.
 */
export class EventSocket {
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private socket: WebSocket | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly url: string) {}

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener);
    this.ensureOpen();
    return () => {
      set.delete(listener as Listener);
    };
  }

  private ensureOpen(): void {
    if (this.socket || this.retryTimer) return;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retryMs = FIRST_RETRY_MS;
    });
    socket.addEventListener('message', (message) => this.dispatch(message.data));
    socket.addEventListener('close', () => {
      this.socket = null;
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    const delay = this.retryMs * (0.75 + Math.random() * 0.5);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureOpen();
    }, delay);
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    const parsed = ipcEvents[event].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (payload: unknown) => void)(parsed.data);
    }
  }
}
