/**
 * The Electron main process: one instance, one hardened window, the desk's services in the
 * user-data folder, and the contract served over IPC.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { DeskHost } from '../host/desk-host';
import { DeskEvents } from '../services/desk-events';
import { registerIpc } from './ipc';
import { TOKEN_FILE, VAULT_KEYCHAIN_FILE } from '../vault/secret-store';
import { acceptWeakKeychain, keychainIsWeak, keychainStore, weakKeychainAccepted } from './keychain-store';
import { checkForUpdates } from './updater';
import { createMainWindow, hardenSession } from './window';

/** better-sqlite3 rebuilt for Electron's ABI by `npm start` (scripts/start-electron.mjs), beside Node's own build. */
function electronSqliteBinding(): string | undefined {
  const file = path.join(app.getAppPath(), '.electron-native', process.versions.electron, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Linux without a keyring: safeStorage would wrap the property key with a fixed password. The
 * desk refuses to start until an administrator accepts that, once, knowing what it means.
 */
function keychainAcceptable(dataDir: string): boolean {
  if (!keychainIsWeak() || weakKeychainAccepted(dataDir)) return true;
  const answer = dialog.showMessageBoxSync({
    type: 'warning',
    title: '迎宾 Yingbin',
    message: '本机没有可用的系统密钥环（Secret Service / KWallet） / No OS keyring is available on this computer',
    detail:
      '门店密钥将只受文件权限保护：拿到本机硬盘的人可以读出客人证件号。请安装并解锁系统密钥环后重启本程序；仅当管理员明确接受此风险时才继续。\n\n' +
      "The property key would be protected by file permissions only: whoever takes this disk can read guests' ID numbers. Install and unlock a keyring and restart; continue only if an administrator accepts this risk.",
    buttons: ['退出 / Quit', '管理员接受风险并继续 / Administrator accepts the risk'],
    defaultId: 0,
    cancelId: 0,
  });
  if (answer !== 1) return false;
  acceptWeakKeychain(dataDir, new Date());
  return true;
}

async function boot(): Promise<void> {
  const dataDir = path.join(app.getPath('userData'), 'data');
  if (!keychainAcceptable(dataDir)) {
    app.exit(1);
    return;
  }
  // A database that will not open brings up the recovery screen, not an error box.
  const events = new DeskEvents();
  const host = await DeskHost.start({
    dataDir,
    nativeBinding: electronSqliteBinding(),
    scheduleJobs: true,
    tokenStore: keychainStore(path.join(dataDir, `${TOKEN_FILE}.enc`)),
    keyStore: keychainStore(path.join(dataDir, VAULT_KEYCHAIN_FILE)),
    // The server refuses this version: the updater takes over.
    sync: { onUpgradeRequired: checkForUpdates },
    events,
  });
  hardenSession();
  let window: BrowserWindow | null = createMainWindow();
  window.on('closed', () => (window = null));
  registerIpc(host, events, () => window);
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void host.close().then(() => app.quit());
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
