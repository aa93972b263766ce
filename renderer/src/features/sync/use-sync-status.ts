import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { osea } from '../../app/bridge/osea';
import { invokeKey, useInvoke, useMutationInvoke } from '../../app/query/use-invoke';
import { mergeSyncEvent, type SyncStatusView } from './sync-status-merge';

const STATUS_KEY = invokeKey('sync.status', {});

/**
 * The sync status, read once from `sync.status` (so a reload is right at once) and kept current from then on by the
 * `sync.state` events that `useFollowSyncState` folds into the same cache entry. Everything else just reads it.
 */
export function useSyncStatus() {
  // Counts the events do not carry (applied) are refreshed now and then; the rest arrives by event.
  return useInvoke('sync.status', {}, { staleTime: 60_000, refetchInterval: 60_000 });
}

/** Mounted once (the header control): events update the status in place, and every ops list is re-read. */
export function useFollowSyncState(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      osea.on('sync.state', (event) => {
        queryClient.setQueryData<SyncStatusView>(STATUS_KEY, (previous) => mergeSyncEvent(previous, event));
        void queryClient.invalidateQueries({ queryKey: ['sync.ops'] });
      }),
    [queryClient],
  );
}

/** "Sync now": resolves when a cycle that started after the click is over; its answer is the new status. */
export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutationInvoke('sync.now', {
    onSuccess: (status) => {
      queryClient.setQueryData<SyncStatusView>(STATUS_KEY, status);
      void queryClient.invalidateQueries({ queryKey: ['sync.ops'] });
    },
  });
}
