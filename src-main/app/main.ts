/**
 * The Electron main process: one instance, one hardened window, the desk's services in the
 * user-data folder, and the contract served over IPC.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { MigrationDivergenceError } from '../db/migrate';
import { createServices, type Services } from '../services/services';
import { registerIpc } from './ipc';
import { keychainTokenStore } from './token-store';
import { checkForUpdates } from './updater';
import { createMainWindow, hardenSession } from './window';

/** better-sqlite3 rebuilt for Electron's ABI by `npm start` (scripts/start-electron.mjs), beside Node's own build. */
function electronSqliteBinding(): string | undefined {
  const file = path.join(app.getAppPath(), '.electron-native', process.versions.electron, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

async function boot(): Promise<void> {
  let services: Services;
  try {
    const dataDir = path.join(app.getPath('userData'), 'data');
    services = await createServices({
      dataDir,
      nativeBinding: electronSqliteBinding(),
      scheduleJobs: true,
      tokenStore: keychainTokenStore(dataDir),
      // The server refuses this version: the updater takes over.
      sync: { onUpgradeRequired: checkForUpdates },
    });
  } catch (error) {
    const message = error instanceof MigrationDivergenceError ? error.message : `The local database could not be opened: ${String(error)}`;
    dialog.showErrorBox('迎宾 Yingbin', message);
    app.exit(1);
    return;
  }
  hardenSession();
  let window: BrowserWindow | null = createMainWindow();
  window.on('closed', () => (window = null));
  registerIpc(services, () => window);
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void services.close().then(() => app.quit());
  });
  checkForUpdates();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(boot, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
