import type { QueryClient } from '@tanstack/react-query';
import type { Profile } from '../../../../shared/contract/ipc';
import { invokeKey } from '../../app/query/use-invoke';

/** What the workstation knows whoever is signed in: kept across a change of user (the session is set below). */
const MACHINE_WIDE = new Set<unknown>(['store.status', 'settings.get', 'app.info', 'session.current']);

/**
 * After a sign-in, unlock or sign-out: drop everything read as the previous user (task lists, sheets, sync queue)
 * so nothing of theirs is shown to the next one, then set the new session at once, so the shell paints with the
 * right role-aware menu without a loading flash, and confirm it from the back end.
 */
export function applySessionChange(queryClient: QueryClient, profile: Profile | null): void {
  queryClient.removeQueries({ predicate: (query) => !MACHINE_WIDE.has(query.queryKey[0]) });
  queryClient.setQueryData(invokeKey('session.current', {}), { profile });
  void queryClient.invalidateQueries({ queryKey: invokeKey('session.current', {}) });
}
