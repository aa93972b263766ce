import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/ipc';
import { EventHub } from '../../../electron/services/events/event-hub';

describe('EventHub', () => {
  it('delivers contract-valid events to every subscriber until they unsubscribe', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    const stop = hub.subscribe((event, payload) => seen.push([event, payload]));
    hub.emit('sync.state', { online: true, pending: 2, lastSuccessAt: null });
    stop();
    hub.emit('sync.state', { online: false, pending: 0, lastSuccessAt: null });
    expect(seen).toEqual([['sync.state', { online: true, pending: 2, lastSuccessAt: null }]]);
  });

  it('refuses a payload that breaks the contract before any transport sees it', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    hub.subscribe((event) => seen.push(event));
    // The cast simulates a service bug the type system did not catch (e.g. data read back from disk).
    const bad = { online: 'yes', pending: -1, lastSuccessAt: null } as unknown as EventPayload<'sync.state'>;
    expect(() => hub.emit('sync.state', bad)).toThrow();
    expect(seen).toEqual([]);
  });
});
