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
/** WebSocket; each message is `{ "event": name, "payload": … }`. */
export const WEB_EVENTS_PATH = '/events';
/** GET `${WEB_MEDIA_PATH}/${relativePath}` from the media cache, with Range → 206. */
export const WEB_MEDIA_PATH = '/media';
