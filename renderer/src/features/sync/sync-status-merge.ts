import type { ChannelOutput, EventPayload } from '../../../../shared/contract/ipc';

export type SyncStatusView = ChannelOutput<'sync.status'>;
export type SyncStateEvent = EventPayload<'sync.state'>;

/**
 * The status after a `sync.state` event. The event carries a subset (its newer fields are optional), so what it
 * leaves out keeps the value last read from `sync.status`; with nothing read yet, the gaps are the quiet defaults.
 */
export function mergeSyncEvent(previous: SyncStatusView | undefined, event: SyncStateEvent): SyncStatusView {
  const base: SyncStatusView = previous ?? {
    online: false, running: false, signedIn: false, pending: 0, inflight: 0, rejected: 0, applied: 0,
    lastSuccessAt: null, lastError: null, blockedReason: null, nextAttemptAt: null,
  } as SyncStatusView;
  const defined = Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined));
  return { ...base, ...defined } as SyncStatusView;
}
