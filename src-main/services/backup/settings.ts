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

export const SECOND_FOLDER_SETTING = 'backup.secondFolder';
export const SECOND_MAX_DAYS_SETTING = 'backup.secondMaxDays';
export const SECOND_COPY_SETTING = 'backup.secondCopy';
export const DEFAULT_SECOND_MAX_DAYS = 7;
const LOCATIONS_FILE = 'backup-locations.json';

export interface SecondCopy {
  at: string;
  file: string;
}

export interface BackupSettings {
  folder: string;
  secondFolder: string | null;
  secondMaxDays: number;
  /** The last second copy that was read back and verified. */
  secondCopy: SecondCopy | null;
}

async function read<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

export async function readBackupSettings(db: Kysely<Database>, dataDir: string): Promise<BackupSettings> {
  return {
    folder: (await read<string>(db, BACKUP_FOLDER_SETTING)) ?? defaultBackupFolder(dataDir),
    secondFolder: (await read<string | null>(db, SECOND_FOLDER_SETTING)) ?? null,
    secondMaxDays: (await read<number>(db, SECOND_MAX_DAYS_SETTING)) ?? DEFAULT_SECOND_MAX_DAYS,
    secondCopy: (await read<SecondCopy | null>(db, SECOND_COPY_SETTING)) ?? null,
  };
}

/**
 * An update, or an insert when there is no row. Not an upsert: its conflict clause would override
 * the OR IGNORE of the before-image triggers (sync/before-images.ts) when these local rows are
 * written twice outside a mutation (the daily backup's record).
 */
export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  const { numUpdatedRows } = await db.updateTable('setting').set({ value_json }).where('key', '=', key).executeTakeFirst();
  if (numUpdatedRows === 0n) await db.insertInto('setting').values({ key, value_json }).execute();
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
    return typeof value.folder === 'string' ? { folder: value.folder, secondFolder: typeof value.secondFolder === 'string' ? value.secondFolder : null } : null;
  } catch {
    return null;
  }
}
