/**
 * Which URLs are "our renderer". Pure (no Electron import) so it is unit-tested in Node: electron/main passes
 * `app.isPackaged` and electron-vite's ELECTRON_RENDERER_URL in.
 *
 * The packaged renderer is served from app://workstation (never file://: a file: URL would make every local HTML
 * file "ours"). In `npm run dev` electron-vite serves it from a loopback dev server; that origin is trusted only in
 * an unpackaged build, because an environment variable must not be able to point the shipped app, with its IPC
 * bridge, at another page.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workstation';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const MEDIA_SCHEME = 'media';

export interface RendererOriginOptions {
  isPackaged: boolean;
  /** ELECTRON_RENDERER_URL, set by electron-vite in dev. */
  devUrl: string | undefined;
}

export interface RendererOrigins {
  /** What the main window loads. */
  readonly entryUrl: string;
  /** The dev server origin trusted alongside app://workstation, or null. */
  readonly devOrigin: string | null;
  /** Set when a dev URL was given but not trusted (packaged build, or not a loopback http(s) URL). */
  readonly ignoredDevUrl: { url: string; why: string } | null;
  /** Only frames showing our own renderer may call the back end or stay loaded. */
  isAppUrl(url: string): boolean;
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function rendererOrigins({ isPackaged, devUrl }: RendererOriginOptions): RendererOrigins {
  const dev = devUrl ? trustedDevOrigin(devUrl, isPackaged) : { origin: null, why: null };
  const devOrigin = dev.origin;
  return {
    entryUrl: devOrigin && devUrl ? devUrl : `${APP_ORIGIN}/index.html`,
    devOrigin,
    ignoredDevUrl: devUrl && dev.why ? { url: devUrl, why: dev.why } : null,
    isAppUrl: (url) => isAppUrl(url, devOrigin),
  };
}

/** `devOrigin` is an already vetted origin (see rendererOrigins), or null in a packaged build. */
export function isAppUrl(url: string, devOrigin: string | null): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  // app: is not a WHATWG special scheme, so URL.origin is "null": compare scheme and host (host includes a port).
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return devOrigin !== null && parsed.origin === devOrigin;
}

function trustedDevOrigin(devUrl: string, isPackaged: boolean): { origin: string | null; why: string | null } {
  if (isPackaged) return { origin: null, why: 'a packaged build loads only app://workstation' };
  const parsed = parse(devUrl);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    return { origin: null, why: 'not an http(s) URL' };
  }
  if (parsed.username !== '' || parsed.password !== '') return { origin: null, why: 'carries credentials' };
  const hostname = parsed.hostname;
  if (!LOOPBACK_HOSTNAMES.has(hostname) && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)) {
    return { origin: null, why: 'the dev server must be on loopback' };
  }
  return { origin: parsed.origin, why: null };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
