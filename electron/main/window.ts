import { join } from 'node:path';
import { BrowserWindow, session } from 'electron';
import type { Dispatch } from '../services/ipc/dispatcher';
import type { RendererOrigins } from './origins';

/** DESIGN §9: isolated, sandboxed, no Node in the page, no navigation away, no new windows, no permissions. */
export function createMainWindow(preloadDir: string, dispatch: Dispatch, origins: RendererOrigins): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  window.webContents.on('will-navigate', (event, url) => {
    if (!origins.isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!origins.isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // External https links go through the same vetted service the renderer can call; everything else is dropped.
    void dispatch('app.openExternal', { url }, { transport: 'ipc' });
    return { action: 'deny' };
  });

  void window.loadURL(origins.entryUrl);
  return window;
}
