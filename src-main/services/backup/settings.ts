/**
 * Where this desk's backups go and how fresh the second copy must be: local settings
 * (`backup.*` rows never sync), and a copy of the two folders in the data folder
 * (`backup-locations.json`), so the recovery screen still finds the backups when the database
 * that names them cannot be opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { BACKUP_FOLDER_SETTING, defaultBackupFolder } from '../../db/backup-file';
import type { Database } from '../../db/schema';
import { readSetting, type SecondCopy } from '../settings/values';

export const SECOND_FOLDER_SETTING = 'backup.secondFolder';
export const SECOND_MAX_DAYS_SETTING = 'backup.secondMaxDays';
export const SECOND_COPY_SETTING = 'backup.secondCopy';
export const DEFAULT_SECOND_MAX_DAYS = 7;
const LOCATIONS_FILE = 'backup-locations.json';

export interface BackupSettings {
  folder: string;
  secondFolder: string | null;
  secondMaxDays: number;
  /** The last second copy that was read back and verified. */
  secondCopy: SecondCopy | null;
}

export async function readBackupSettings(db: Kysely<Database>, dataDir: string): Promise<BackupSettings> {
  return {
    folder: (await readSetting(db, BACKUP_FOLDER_SETTING)) ?? defaultBackupFolder(dataDir),
    secondFolder: (await readSetting(db, SECOND_FOLDER_SETTING)) ?? null,
    secondMaxDays: (await readSetting(db, SECOND_MAX_DAYS_SETTING)) ?? DEFAULT_SECOND_MAX_DAYS,
    secondCopy: (await readSetting(db, SECOND_COPY_SETTING)) ?? null,
  };
}

export interface BackupLocations {
  folder: string;
  secondFolder: string | null;
}

/** Remembers, beside the database, where the backups went (owner-only, like the rest of the data folder). */
export function rememberLocations(dataDir: string, locations: BackupLocations): void {
  const file = path.join(dataDir, LOCATIONS_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(locations), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

/** The folders remembered last, or null when none were (or the file is unreadable). */
export function rememberedLocations(dataDir: string): BackupLocations | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, LOCATIONS_FILE), 'utf8')) as Partial<BackupLocations>;
    return typeof value.folder === 'string'
      ? { folder: value.folder, secondFolder: typeof value.secondFolder === 'string' ? value.secondFolder : null }
      : null;
  } catch {
    return null;
  }
}
