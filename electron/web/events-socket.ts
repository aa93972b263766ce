import type { WebSocket, WebSocketServer } from 'ws';
import type { EventHub } from '../services/events/event-hub';

/** Forwards every contract-checked event to every connected renderer as `{ event, payload }`. */
export function forwardEvents(events: EventHub, sockets: WebSocketServer): () => void {
  return events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const socket of sockets.clients as Set<WebSocket>) {
      if (socket.readyState === socket.OPEN) socket.send(message);
    }
  });
}
