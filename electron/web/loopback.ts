import { isIP } from 'node:net';

/**
 * Web mode serves the whole back end with one token; it must never be reachable from another machine.
 * Only loopback addresses are accepted ('localhost' is pinned to 127.0.0.1 so a resolver cannot widen it).
 */
export function assertLoopbackHost(host: string): string {
  if (host === 'localhost') return '127.0.0.1';
  if (isIP(host) === 4 && host.startsWith('127.')) return host;
  if (host === '::1') return host;
  throw new Error(
    `web host refuses to bind "${host}": web mode serves only the loopback interface (use 127.0.0.1)`,
  );
}
