import { useCallback, useSyncExternalStore } from 'react';

/**
 * The review workspace's own sub-route: `#/tasks` is the list, `#/tasks/<taskId>` one task's review screen. The shell
 * routes on the first segment only, so both land here; a reload reopens the same task.
 */
function readTaskId(): string | null {
  const match = /^#\/tasks\/([^/?]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useTaskRoute(): [string | null, (taskId: string | null) => void] {
  const taskId = useSyncExternalStore(subscribe, readTaskId);
  const open = useCallback((next: string | null) => {
    window.location.hash = next === null ? '#/tasks' : `#/tasks/${encodeURIComponent(next)}`;
  }, []);
  return [taskId, open];
}
