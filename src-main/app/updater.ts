/** Checks for a newer release when the app is installed (not when run from a checkout). */
import { app } from 'electron';
import electronUpdater from 'electron-updater';

export function checkForUpdates(): void {
  if (!app.isPackaged) return;
  electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => console.error('[updater]', error));
}
