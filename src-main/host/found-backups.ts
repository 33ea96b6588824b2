/**
 * The backups the recovery screen offers: in the default backup folder, the folders the desk was
 * set to use (read from the database if it still reads, else from the copy kept beside it), and
 * the second location — each checked whole without the key (an encrypted file by its checksum, a
 * plain one by integrity_check). Checks are remembered per file, size and time, so the screen
 * does not read every backup again on each look.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { RecoveryBackup } from '@shared/contract';
import { AppError } from '@shared/errors';
import { BACKUP_FOLDER_SETTING, checkSnapshot, defaultBackupFolder } from '../db/backup-file';
import { DATABASE_FILE } from '../db/connection';
import { checkBackupIntact } from '../db/sealed-backup';
import { listBackups } from '../services/backup/backup';
import { rememberedLocations, SECOND_FOLDER_SETTING } from '../services/backup/settings';

/** The folder settings as the database holds them, if it can still be read at all. */
function configuredFolders(dataDir: string, nativeBinding?: string): { folder: string | null; second: string | null } {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), {
      readonly: true,
      fileMustExist: true,
      nativeBinding,
    });
    const read = (key: string) => {
      const row = sqlite!.prepare('SELECT value_json FROM setting WHERE key = ?').get(key) as
        { value_json: string } | undefined;
      return row ? (JSON.parse(row.value_json) as string | null) : null;
    };
    return { folder: read(BACKUP_FOLDER_SETTING), second: read(SECOND_FOLDER_SETTING) };
  } catch {
    return { folder: null, second: null };
  } finally {
    sqlite?.close();
  }
}

export class FoundBackups {
  private readonly checked = new Map<string, boolean>();

  constructor(
    private readonly dataDir: string,
    private readonly nativeBinding?: string,
  ) {}

  /** The backups in one folder the admin named (a fresh desk has no folders of its own yet). */
  async in(folder: string): Promise<RecoveryBackup[]> {
    if (!path.isAbsolute(folder)) throw new AppError('INPUT_INVALID', { fields: 'folder' }, ['folder']);
    const found: RecoveryBackup[] = [];
    for (const backup of listBackups(path.resolve(folder)))
      found.push({ ...backup, location: 'folder', intact: await this.intact(backup.file, backup.encrypted) });
    return found.sort((a, b) => b.at.localeCompare(a.at));
  }

  async list(): Promise<RecoveryBackup[]> {
    const configured = configuredFolders(this.dataDir, this.nativeBinding);
    const remembered = rememberedLocations(this.dataDir);
    const folders = new Set(
      [defaultBackupFolder(this.dataDir), configured.folder, remembered?.folder]
        .filter((f): f is string => !!f)
        .map((f) => path.resolve(f)),
    );
    const seconds = new Set(
      [configured.second, remembered?.secondFolder].filter((f): f is string => !!f).map((f) => path.resolve(f)),
    );
    const found: RecoveryBackup[] = [];
    for (const [location, set] of [
      ['folder', folders],
      ['second', seconds],
    ] as const) {
      for (const folder of set) {
        for (const backup of listBackups(folder))
          found.push({ ...backup, location, intact: await this.intact(backup.file, backup.encrypted) });
      }
    }
    return found.sort((a, b) => b.at.localeCompare(a.at));
  }

  private async intact(file: string, encrypted: boolean): Promise<boolean> {
    const { size, mtimeMs } = fs.statSync(file);
    const key = `${file}\0${size}\0${mtimeMs}`;
    const known = this.checked.get(key);
    if (known !== undefined) return known;
    let intact = true;
    try {
      if (encrypted) await checkBackupIntact(file);
      else checkSnapshot(file, this.nativeBinding);
    } catch {
      intact = false;
    }
    this.checked.set(key, intact);
    return intact;
  }
}
