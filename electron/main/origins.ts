/** The renderer is served from app://workstation in production, or from electron-vite's dev server in `npm run dev`. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://workstation';
export const MEDIA_SCHEME = 'media';

export const rendererEntryUrl = (): string => process.env.ELECTRON_RENDERER_URL ?? `${APP_ORIGIN}/index.html`;

/** Only frames showing our own renderer may call the back end or stay loaded. */
export function isAppUrl(url: string): boolean {
  try {
    const origin = new URL(url).origin;
    const dev = process.env.ELECTRON_RENDERER_URL;
    return url.startsWith(`${APP_ORIGIN}/`) || (dev !== undefined && origin === new URL(dev).origin);
  } catch {
    return false;
  }
}
