import type { RawData, WebSocket } from 'ws';
import { WebSocketCall, type WebSocketReply } from '../../shared/contract/ipc';
import { err, type Result } from '../../shared/contract/result';
import type { Dispatch } from '../services/ipc/dispatcher';

/**
 * Calls on the events socket (DESIGN §2, web-transport.ts): each `{ call, channel, input }` goes through the same
 * dispatcher as POST /rpc and is answered `{ call, result }` with the same Result. `mayCall` is false for a socket
 * that was let in by the URL token alone: RPC is never authorized by a token that travelled in a URL.
 */
export function answerCalls(socket: WebSocket, dispatch: Dispatch, mayCall: boolean): void {
  // ws reports a protocol error (e.g. a message over maxPayload) as an 'error' event and then closes the socket
  // (1009 for the size); without a listener that event would be thrown and take the whole host down.
  socket.on('error', () => {});
  socket.on('message', (data: RawData, isBinary: boolean) => {
    void answer(data, isBinary).then((reply) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
    });
  });

  async function answer(data: RawData, isBinary: boolean): Promise<WebSocketReply> {
    let message: unknown;
    try {
      message = isBinary ? undefined : (JSON.parse(data.toString()) as unknown);
    } catch {
      message = undefined;
    }
    const call = WebSocketCall.safeParse(message);
    if (!call.success) return { call: callNumberOf(message), result: validation('not a call: { call, channel, input }') };
    if (!mayCall) return { call: call.data.call, result: err({ code: 'UNAUTHORIZED', messageKey: 'errors.unauthorized' }) };
    return { call: call.data.call, result: await dispatch(call.data.channel, call.data.input, { transport: 'web' }) };
  }
}

/** A malformed call still gets its answer matched when its number is readable. */
function callNumberOf(message: unknown): number | null {
  if (typeof message !== 'object' || message === null) return null;
  const call = (message as { call?: unknown }).call;
  return typeof call === 'number' && Number.isSafeInteger(call) && call >= 0 ? call : null;
}

const validation = (reason: string): Result<never> =>
  err({ code: 'VALIDATION', messageKey: 'errors.validation', details: { reason } });
