import {
  WEB_EVENTS_PATH,
  WEB_MEDIA_PATH,
  WEB_RPC_PATH,
  WEB_SOCKET_CALL_CHANNELS,
  ipcChannels,
  type ChannelName,
  type ChannelOutput,
  type OseaBridge,
} from '../../../../shared/contract/ipc';
import { AppError, type Result } from '../../../../shared/contract/result';
import { HostSocket } from './host-socket';
import { malformedResponseError, offlineError, unauthorizedError } from './transport-errors';

/**
 * window.osea over the web-mode host (DESIGN §2): same contract, calls over HTTP, events on the WebSocket. The
 * channels of `socketChannels` are sent on the WebSocket while it is open (a fraction of a fetch's cost in
 * Chromium) and over HTTP while it is not. Both call paths reach the same dispatcher and give the same Results, so
 * which one a call took is invisible above this file.
 * The token travels in the HttpOnly cookie the host set on the first page load, so this code never sees it.
 */
export function createWebBridge(
  origin: string,
  socketChannels: ReadonlySet<ChannelName> = WEB_SOCKET_CALL_CHANNELS,
): OseaBridge {
  const socket = new HostSocket(toWebSocketUrl(origin));
  socket.connect();

  return {
    async invoke(channel, input) {
      const inputJson = JSON.stringify(input ?? {});
      const answer = socketChannels.has(channel) ? socket.call(channel, inputJson) : null;
      if (answer) return parseResult(channel, await answer, 'socket');
      return invokeOverHttp(origin, channel, inputJson);
    },
    on(event, listener) {
      return socket.subscribe(event, listener);
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
  inputJson: string,
): Promise<Result<ChannelOutput<C>>> {
  let response: Response;
  try {
    response = await fetch(`${origin}${WEB_RPC_PATH}/${encodeURIComponent(channel)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: inputJson,
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
  return parseResult(channel, body, `HTTP ${response.status}`);
}

/** The host is outside the renderer's trust boundary: its answer is parsed like any other outside input. */
function parseResult<C extends ChannelName>(channel: C, body: unknown, via: string): Result<ChannelOutput<C>> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) {
    return malformedResponseError(`${via}: not a Result`);
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
