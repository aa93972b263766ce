import { useCallback, useSyncExternalStore } from 'react';
import { isRoute, type Route } from './routes';

/**
 * A hash router small enough not to need react-router: `#/tasks` works the same over app:// and on the web-mode
 * host at `/`, and survives a reload.
 */
function readRoute(): Route | null {
  const name = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRoute(name) ? name : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): [Route | null, (route: Route) => void] {
  const route = useSyncExternalStore(subscribe, readRoute);
  const navigate = useCallback((next: Route) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}
