import type { RouteEntry } from '../../../../registry/http/route-table';

/** A concrete URL for a route pattern: every `:param` replaced (values need not exist; auth runs before lookup). */
export function concreteUrl(route: RouteEntry, value: (param: string) => string = () => 'x'): string {
  return route.url.replace(/:(\w+)/g, (_, param: string) => percentEncode(value(param)));
}

export const injectMethod = (method: string) => method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Every UTF-8 byte percent-encoded (encodeURIComponent throws on lone surrogates; the fuzzer sends those too). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}
