import {
  WEB_EVENTS_PATH,
  WEB_MEDIA_PATH,
  WEB_RPC_PATH,
  ipcChannels,
  type ChannelName,
  type ChannelOutput,
  type OseaBridge,
} from '../../../../shared/contract/ipc';
import { AppError, type Result } from '../../../../shared/contract/result';
import { EventSocket } from './event-socket';
import { malformedResponseError, offlineError, unauthorizedError } from './transport-errors';

/**
 * window.osea over the web-mode host (DESIGN §2): same contract, HTTP for calls, WebSocket for events.
 * The token travels in the HttpOnly cookie the host set on the first page load, so this code never sees it.
 */
export function createWebBridge(origin: string = window.location.origin): OseaBridge {
  const events = new EventSocket(toWebSocketUrl(origin));

  return {
    async invoke(channel, input) {
      return invokeOverHttp(origin, channel, input);
    },
    on(event, listener) {
      return events.subscribe(event, listener);
    },
    mediaUrl(relativePath) {
      const encoded = relativePath.split('/').filter(Boolean).map(encodeURIComponent).join('/');
      return `${WEB_MEDIA_PATH}/${encoded}`;
    },
  } satisfies OseaBridge;
}

async function invokeOverHttp<C extends ChannelName>(
  origin: string,
  channel: C,
  input: unknown,
): Promise<Result<ChannelOutput<C>>> {
  let response: Response;
  try {
    response = await fetch(`${origin}${WEB_RPC_PATH}/${encodeURIComponent(channel)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (cause) {
    // fetch only rejects when no HTTP answer came at all: the host is gone or unreachable.
    return offlineError(cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 401) return unauthorizedError();

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return malformedResponseError(`HTTP ${response.status} without a JSON body`);
  }
  return parseResult(channel, body, response.status);
}

/** The host is outside the renderer's trust boundary: its answer is parsed like any other outside input. */
function parseResult<C extends ChannelName>(channel: C, body: unknown, status: number): Result<ChannelOutput<C>> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) {
    return malformedResponseError(`HTTP ${status}: not a Result`);
  }
  if (body.ok === false) {
    const error = AppError.safeParse((body as { error?: unknown }).error);
    return error.success ? { ok: false, error: error.data } : malformedResponseError('unreadable error');
  }
  const value = ipcChannels[channel].output.safeParse((body as { value?: unknown }).value);
  if (!value.success) return malformedResponseError(`output of ${channel} does not match the contract`);
  return { ok: true, value: value.data as ChannelOutput<C> };
}

function toWebSocketUrl(origin: string): string {
  const url = new URL(origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = WEB_EVENTS_PATH;
  return url.toString();
}
