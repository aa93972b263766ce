import {
  WEB_SOCKET_CALL_MAX_CHARS,
  ipcEvents,
  isEventName,
  type EventName,
  type EventPayload,
} from '../../../../shared/contract/ipc';
import { PendingCalls } from './pending-calls';
import { offlineError } from './transport-errors';

type Listener = (payload: never) => void;

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * The web-mode socket: events from the host, and calls to it while it is open (web-transport.ts). Opened at start,
 * reopened with capped exponential backoff whenever the host drops it (a restart of the host must not leave the UI
 * deaf). Every event is parsed against the event contract; anything else is ignored.
 */
export class HostSocket {
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly calls = new PendingCalls();
  private socket: WebSocket | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly url: string) {}

  /** Opens the socket now rather than at the first subscription: calls want it from the first keystroke. */
  connect(): void {
    this.ensureOpen();
  }

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

  /**
   * Sends a call (`inputJson` already serialized) and resolves with the host's raw Result, or an OFFLINE Result if
   * the socket closes first. Null when the call cannot go this way (socket not open, or input too big for a
   * message): the caller then uses HTTP, which answers the same.
   */
  call(channel: string, inputJson: string): Promise<unknown> | null {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || inputJson.length > WEB_SOCKET_CALL_MAX_CHARS) return null;
    const { call, answer } = this.calls.open();
    // Built by hand so the input is serialized once, not parsed back and stringified again.
    socket.send(`{"call":${call},"channel":${JSON.stringify(channel)},"input":${inputJson}}`);
    return answer;
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
      this.calls.settleAll(offlineError('the host closed the connection'));
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
    if ('call' in message) {
      this.calls.settle(message.call, (message as { result?: unknown }).result);
      return;
    }
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    const parsed = ipcEvents[event].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (payload: unknown) => void)(parsed.data);
    }
  }
}
