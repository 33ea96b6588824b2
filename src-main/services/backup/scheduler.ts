/**
 * This desk's backups: the folders (settings), an encrypted backup on demand or once a day on a
 * timer, and its second copy on another device. Making a backup writes nothing to the database:
 * the caller records the verified second copy (`recordSecondCopy`), in its own transaction.
 */
import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BackupFile, BackupStatus } from '@shared/contract';
import { AppError } from '@shared/errors';
import { BACKUP_FOLDER_SETTING, defaultBackupFolder, writeSealedBackupFile } from '../../db/backup-file';
import type { Database } from '../../db/schema';
import type { Vault } from '../../vault/vault';
import type { Clock } from '../clock';
import { listBackupsIn, pruneBackups } from './backup';
import { backupSealing } from './sealing';
import { copyToSecondLocation, onSameDisk } from './second-copy';
import { writeSetting } from '../settings/values';
import {
  readBackupSettings,
  rememberLocations,
  SECOND_COPY_SETTING,
  SECOND_FOLDER_SETTING,
  SECOND_MAX_DAYS_SETTING,
} from './settings';
import type { SecondCopy } from '../settings/values';

const KEEP = 30;
const CHECK_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Deps {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  clock: Clock;
  vault: Vault;
  deviceId: string;
  nativeBinding?: string;
}

/** A backup made: the file, and its second copy or why that failed. */
export interface BackupRun {
  made: BackupFile;
  secondCopy: SecondCopy | null;
  secondCopyError: AppError | null;
}

export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: Deps) {}

  async folder(db: Kysely<Database> = this.deps.db): Promise<string> {
    return (await readBackupSettings(db, this.deps.dataDir)).folder;
  }

  async setFolder(db: Kysely<Database>, folder: string): Promise<void> {
    await writeSetting(db, BACKUP_FOLDER_SETTING, folder);
  }

  /** A null folder turns the second copy off. */
  async setSecondLocation(db: Kysely<Database>, folder: string | null, maxDays: number): Promise<void> {
    await writeSetting(db, SECOND_FOLDER_SETTING, folder);
    await writeSetting(db, SECOND_MAX_DAYS_SETTING, maxDays);
  }

  async recordSecondCopy(db: Kysely<Database>, copy: SecondCopy): Promise<void> {
    await writeSetting(db, SECOND_COPY_SETTING, copy);
  }

  /** The configured folder's backups, and the plain ones made before the property had a key (always in the default folder). */
  async list(db: Kysely<Database> = this.deps.db): Promise<BackupFile[]> {
    return listBackupsIn([await this.folder(db), defaultBackupFolder(this.deps.dataDir)]);
  }

  async status(db: Kysely<Database> = this.deps.db): Promise<BackupStatus> {
    const settings = await readBackupSettings(db, this.deps.dataDir);
    const lastCopyAt = settings.secondCopy?.at ?? null;
    const overdue =
      lastCopyAt === null || this.deps.clock.now().getTime() - Date.parse(lastCopyAt) > settings.secondMaxDays * DAY_MS;
    return {
      folder: settings.folder,
      backups: await this.list(db),
      second: {
        folder: settings.secondFolder,
        maxDays: settings.secondMaxDays,
        lastCopyAt,
        overdue,
        sameDisk: settings.secondFolder ? onSameDisk(settings.secondFolder, this.deps.dataDir) : null,
      },
    };
  }

  /**
   * Makes an encrypted backup and its second copy. VAULT_UNSET / VAULT_LOCKED while there is no
   * key to encrypt with (before the property has one there are no guests to protect, and a desk
   * that has not been given the key yet has the server's copy). Pass the caller's transaction to
   * read the settings inside it; nothing is written.
   */
  async run(db: Kysely<Database> = this.deps.db): Promise<BackupRun> {
    const settings = await readBackupSettings(db, this.deps.dataDir);
    const sealing = await backupSealing(this.deps.vault, db, this.deps.deviceId);
    const at = this.deps.clock.now();
    let file: string;
    try {
      file = await writeSealedBackupFile(
        this.deps.sqlite,
        this.deps.dataDir,
        settings.folder,
        at,
        sealing,
        this.deps.nativeBinding,
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('BACKUP_FAILED', { reason: error instanceof Error ? error.message : String(error) });
    }
    pruneBackups(settings.folder, KEEP);
    rememberLocations(this.deps.dataDir, { folder: settings.folder, secondFolder: settings.secondFolder });
    const made = { file, at: at.toISOString(), bytes: fs.statSync(file).size, encrypted: true };
    if (!settings.secondFolder) return { made, secondCopy: null, secondCopyError: null };
    try {
      const copy = await copyToSecondLocation(file, settings.secondFolder);
      pruneBackups(settings.secondFolder, KEEP);
      return { made, secondCopy: { at: made.at, file: copy }, secondCopyError: null };
    } catch (error) {
      return {
        made,
        secondCopy: null,
        secondCopyError:
          error instanceof AppError ? error : new AppError('BACKUP_COPY_FAILED', { folder: settings.secondFolder }),
      };
    }
  }

  /** Makes a backup unless one was made in the last 24 hours, recording its second copy. */
  async runIfDue(): Promise<BackupRun | null> {
    const [latest] = (await this.list()).filter((backup) => backup.encrypted);
    if (latest && this.deps.clock.now().getTime() - Date.parse(latest.at) < DAY_MS) return null;
    const run = await this.run();
    if (run.secondCopy) await this.recordSecondCopy(this.deps.db, run.secondCopy);
    // The header warns once the last verified second copy is older than the policy allows.
    if (run.secondCopyError) console.error('[backup] second copy failed', run.secondCopyError.toValue());
    return run;
  }

  start(): void {
    const tick = () => {
      this.runIfDue().catch((error: unknown) => {
        // No key yet (before setup, or a desk not yet given it): nothing to encrypt with, nothing to say hourly.
        if (error instanceof AppError && (error.code === 'VAULT_UNSET' || error.code === 'VAULT_LOCKED')) return;
        console.error('[backup] daily backup failed', error);
      });
    };
    tick();
    this.timer = setInterval(tick, CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
