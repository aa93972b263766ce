import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, safeStorage, shell } from 'electron';
import { argValue, resolveDataDir } from '../services/app/data-dir';
import { mediaCacheDir } from '../services/app/paths';
import { createWorkstation } from '../services/workstation';
import { wireIpc } from './ipc';
import { rendererOrigins } from './origins';
import { handleProtocols, registerPrivilegedSchemes } from './protocols';
import { chooseSecretStorage } from './secret-storage-choice';
import { confirmStoreOrQuit } from './store-dialog';
import { createMainWindow } from './window';

// Composition root only: every decision lives in electron/services or a pure module here; this file wires Electron.
const here = dirname(fileURLToPath(import.meta.url));

// A second instance would open the same SQLite store and media cache: it hands over to the first and registers
// nothing (no 'ready' work, no window) while app.quit() takes effect.
if (app.requestSingleInstanceLock()) {
  startPrimaryInstance();
} else {
  app.quit();
}

function startPrimaryInstance(): void {
  registerPrivilegedSchemes();
  // Every renderer sandboxed, not only the windows we remember to configure.
  app.enableSandbox();
  // The dev server URL is trusted only in an unpackaged build (origins.ts).
  const origins = rendererOrigins({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL });
  if (origins.ignoredDevUrl) {
    console.warn(`[main] ignoring ELECTRON_RENDERER_URL ${origins.ignoredDevUrl.url}: ${origins.ignoredDevUrl.why}`);
  }

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  app.whenReady().then(async () => {
    const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
    // After 'ready': before it safeStorage reports unavailable on Windows and Linux.
    const secrets = chooseSecretStorage({ safeStorage, platform: process.platform, dataDir });
    if (secrets.warning) console.warn(`[main] ${secrets.warning}`);
    const workstation = createWorkstation({
      dataDir,
      mode: 'electron',
      version: app.getVersion(),
      openExternal: async (url) => {
        await shell.openExternal(url);
        return true;
      },
      quit: () => app.quit(),
      secretStorage: secrets.storage,
      // npm start passes the embedded demo registry this way (scripts/start.mjs), as start-web does to the web host.
      registryUrl: argValue(process.argv, '--registry') ?? process.env.OSEA_REGISTRY_URL,
    });
    app.on('will-quit', () => workstation.close());
    if (!(await confirmStoreOrQuit(workstation.store))) {
      app.quit();
      return;
    }
    handleProtocols(join(here, '../renderer'), mediaCacheDir(dataDir));
    wireIpc(workstation.dispatch, workstation.events, () => mainWindow, origins.isAppUrl);
    mainWindow = createMainWindow(join(here, '../preload'), workstation.dispatch, origins);
  });
}
