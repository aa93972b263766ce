import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, shell } from 'electron';
import { resolveDataDir } from '../services/app/data-dir';
import { mediaCacheDir } from '../services/app/paths';
import { createWorkstation } from '../services/workstation';
import { wireIpc } from './ipc';
import { handleProtocols, registerPrivilegedSchemes } from './protocols';
import { confirmStoreOrQuit } from './store-dialog';
import { createMainWindow } from './window';

// Composition root only: every decision lives in electron/services; this file wires Electron to it.
const here = dirname(fileURLToPath(import.meta.url));
registerPrivilegedSchemes();
// Every renderer sandboxed, not only the windows we remember to configure.
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

app.whenReady().then(async () => {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  const workstation = createWorkstation({
    dataDir,
    mode: 'electron',
    version: app.getVersion(),
    openExternal: async (url) => {
      await shell.openExternal(url);
      return true;
    },
    quit: () => app.quit(),
  });
  if (!(await confirmStoreOrQuit(workstation.store))) {
    app.quit();
    return;
  }
  handleProtocols(join(here, '../renderer'), mediaCacheDir(dataDir));
  wireIpc(workstation.dispatch, workstation.events, () => mainWindow);
  mainWindow = createMainWindow(join(here, '../preload'), workstation.dispatch);
  app.on('second-instance', () => mainWindow?.focus());
  app.on('will-quit', () => workstation.close());
});

app.on('window-all-closed', () => app.quit());
