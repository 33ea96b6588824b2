/**
 * The services of one desk: its database, its identity, the clock and the signed-in session.
 * Created once by the host process (Electron main or the browser harness).
 */
import path from 'node:path';
import { openDatabase, type OpenOptions } from '../db/connection';
import { logOverduePaperwork } from './approvals/paperwork';
import { startMonthEnd } from './archive/month-end';
import { BackupScheduler } from './backup/scheduler';
import { DeskEvents } from './desk-events';
import { ensureDevice } from './device';
import { preMigrationSealing } from './backup/sealing';
import { systemClock, type Clock } from './clock';
import { SessionHolder } from './session-holder';
import { installBeforeImages } from '../sync/before-images';
import { SyncEngine, type SyncEngineOptions } from '../sync/engine';
import type { Rerun } from '../sync/host';
import { rerunIntent } from './rpc/rerun';
import { fileSecretStore, TOKEN_FILE, VAULT_TEST_FILE, type SecretStore } from '../vault/secret-store';
import { Vault } from '../vault/vault';
import type { Services } from './desk-services';
import { sealWaitingGuests } from './guests/seal-waiting';

export interface ServicesOptions extends OpenOptions {
  dataDir: string;
  clock?: Clock;
  /** Run the timed jobs: the daily backup, the overdue-paperwork check, the month's work records (the app and the harness do; tests call them). */
  scheduleJobs?: boolean;
  /** Where the sync token and the vault's keys are kept: the OS keychain in the app, 0600 test-store files in the harness and tests. */
  tokenStore?: SecretStore;
  keyStore?: SecretStore;
  sync?: SyncEngineOptions;
  /** The host's events, kept across a restore that opens the services again; a fresh emitter by default. */
  events?: DeskEvents;
}

const HOUR_MS = 60 * 60 * 1000;
/** Where the vault's keys are kept: the store the host passes (the OS keychain in the app), else the data folder's labelled test file. */
export function deskKeyStore(options: Pick<ServicesOptions, 'dataDir' | 'keyStore'>): SecretStore {
  return options.keyStore ?? fileSecretStore(path.join(options.dataDir, VAULT_TEST_FILE));
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const clock = options.clock ?? systemClock;
  const keyStore = deskKeyStore(options);
  const { db, sqlite } = await openDatabase(options.dataDir, {
    ...options,
    backupSealing: preMigrationSealing(keyStore),
  });
  installBeforeImages(sqlite);
  const device = await ensureDevice(db, clock.now());
  const vault = await Vault.load(keyStore, db);
  await db.transaction().execute((trx) => sealWaitingGuests(trx, { device, clock, vault }));
  const backups = new BackupScheduler({
    db,
    sqlite,
    dataDir: options.dataDir,
    clock,
    vault,
    deviceId: device.id,
    nativeBinding: options.nativeBinding,
  });
  // A rebase runs pending intents again through this desk's own dispatch (made below, used only once the desk is running).
  const rerun: Rerun = (trx, intent) => rerunIntent(services, trx, intent);
  const events = options.events ?? new DeskEvents();
  const sync = new SyncEngine(
    { db, sqlite, device, clock, rerun },
    options.tokenStore ?? fileSecretStore(path.join(options.dataDir, TOKEN_FILE)),
    {
      ...options.sync,
      onEvent: (event) => events.emit(event),
    },
  );
  let paperworkTimer: NodeJS.Timeout | null = null;
  let stopMonthEnd: (() => void) | null = null;
  const services: Services = {
    db,
    sqlite,
    dataDir: options.dataDir,
    device,
    clock,
    sessions: new SessionHolder(),
    backups,
    sync,
    vault,
    events,
    close: async () => {
      sync.stop();
      backups.stop();
      if (paperworkTimer) clearInterval(paperworkTimer);
      stopMonthEnd?.();
      await db.destroy();
    },
  };
  if (options.scheduleJobs) {
    backups.start();
    sync.start();
    // Paperwork falls overdue with time alone: the badges are told after each check.
    const checkPaperwork = () =>
      void logOverduePaperwork(services)
        .then(() => events.emit('approvals'))
        .catch((error: unknown) => console.error('[approvals] paperwork check failed', error));
    checkPaperwork();
    paperworkTimer = setInterval(checkPaperwork, HOUR_MS);
    paperworkTimer.unref();
    // The month's work records, archived by the desk itself once the month has ended.
    stopMonthEnd = startMonthEnd(services);
  }
  return services;
}
