import { useEffect, useRef } from 'react';
import { osea } from '../../app/bridge/osea';
import { throttle } from './throttle';

/** At most one refetch per this many milliseconds while downloads report progress. */
export const SYNC_EVENT_REFRESH_MIN_INTERVAL_MS = 2000;

/**
 * Refetches (the task list, or a task waiting for its video) when something that changes it happens — a download's
 * progress or end (`transfer.progress`) or a sync cycle (`sync.state`) — throttled to one refetch per
 * `minIntervalMs`. With 100,000 rows a list refetch costs a query and a re-sort, so it must not run on every
 * progress tick or on a fast fixed timer. Off while `enabled` is false.
 */
export function useSyncEventRefresh(refetch: () => unknown, enabled = true, minIntervalMs = SYNC_EVENT_REFRESH_MIN_INTERVAL_MS): void {
  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  }, [refetch]);
  useEffect(() => {
    if (!enabled) return undefined;
    const refresh = throttle(() => void refetchRef.current(), minIntervalMs);
    const offTransfer = osea.on('transfer.progress', (event) => {
      if (event.direction !== 'upload') refresh.request();
    });
    const offSync = osea.on('sync.state', refresh.request);
    return () => {
      offTransfer();
      offSync();
      refresh.cancel();
    };
  }, [enabled, minIntervalMs]);
}
