import { WEB_TOKEN_QUERY } from '../../../../shared/contract/ipc';

/**
 * The host traded the `?token=` of the first load for an HttpOnly cookie; keeping the secret in the address bar
 * would only leak it into history and screenshots. The hash (our route) is kept.
 */
export function forgetTokenInAddressBar(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(WEB_TOKEN_QUERY)) return;
  url.searchParams.delete(WEB_TOKEN_QUERY);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
