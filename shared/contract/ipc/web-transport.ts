import { z } from 'zod';
import type { ChannelName } from './channels';

/**
 * Web mode (DESIGN §2): the same handler table served on 127.0.0.1 over HTTP + WebSocket.
 * The host prints `http://127.0.0.1:PORT/?token=TOKEN`; the first page load trades the query token for an
 * HttpOnly SameSite=Strict cookie so assets, RPC, events and media all carry it. Scripts and tests may send
 * `Authorization: Bearer TOKEN` instead. Anything without a valid token gets 401.
 */
export const WEB_TOKEN_QUERY = 'token';
export const WEB_TOKEN_COOKIE = 'osea_web_token';
/** POST `${WEB_RPC_PATH}/${channel}` with the JSON input as body → 200 with a JSON Result. */
export const WEB_RPC_PATH = '/rpc';
/**
 * WebSocket; each host message is an event `{ "event": name, "payload": … }` or the answer to a call.
 * Calls may travel on this socket too (`WebSocketCall` → `WebSocketReply`): the same dispatcher as POST /rpc, the
 * same token (a socket opened with only the URL token may not call, as an RPC URL never carries it), the same
 * Results. A Chromium fetch costs ~4 ms on loopback against ~0.6 ms for a message on the open socket.
 */
export const WEB_EVENTS_PATH = '/events';
/** GET `${WEB_MEDIA_PATH}/${relativePath}` from the media cache, with Range → 206. */
export const WEB_MEDIA_PATH = '/media';

/**
 * Channels the renderer sends on the socket while it is open; every other call stays on POST /rpc (the host answers
 * any channel both ways). Only the draft autosave is here: it runs on every scoring keystroke, whose budget is 10 ms
 * (issue 5) and a fetch took ~4 of them. HTTP stays the default because it is what devtools show and what test
 * tools intercept (page.route).
 */
export const WEB_SOCKET_CALL_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(['review.saveDraft']);

/** Largest message the host reads from a socket; bigger calls go over HTTP (whose limit is 1 MiB). */
export const WEB_SOCKET_MAX_PAYLOAD = 256 * 1024;
/**
 * Longest call input (JSON, in UTF-16 units) a client sends on the socket: UTF-8 needs at most 3 bytes a unit, so
 * with the envelope it stays under WEB_SOCKET_MAX_PAYLOAD.
 */
export const WEB_SOCKET_CALL_MAX_CHARS = 80_000;

/** Renderer → host: one call. `call` is the caller's number for matching the reply (unique per socket). */
export const WebSocketCall = z.object({
  call: z.number().int().nonnegative(),
  channel: z.string().max(200),
  input: z.unknown(),
});
export type WebSocketCall = z.infer<typeof WebSocketCall>;

/**
 * Host → renderer: the call's Result, exactly what POST /rpc would have answered. `call` is null only when the
 * message was unreadable and its number unknown.
 */
export interface WebSocketReply {
  call: number | null;
  result: unknown;
}
