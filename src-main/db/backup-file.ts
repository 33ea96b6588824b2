/**
 * One backup file of the desk database: its name (`yingbin-<UTC time>.db`), written with
 * SQLite's online backup API (safe while the desk writes) to an owner-only file, and its
 * integrity checked through the open connection. Lives beside the connection because a
 * backup is also taken before migrating, before any service exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createOwnerFile, OWNER_FOLDER_MODE, restrictFile } from './file-access';

/** The setting that names the backup folder; without it, `<data>/backups`. */
export const BACKUP_FOLDER_SETTING = 'backup.folder';

export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export const BACKUP_NAME = /^yingbin-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/;

export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T');
  const [h, m, s, ms] = time!.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

/** Writes a backup of the open database into the folder; the file is complete once renamed. */
export async function writeBackupFile(sqlite: BetterSqlite3.Database, folder: string, at: Date): Promise<string> {
  // A new folder is made owner-only; a folder the admin chose (a drive, a share) keeps its own rights.
  fs.mkdirSync(folder, { recursive: true, mode: OWNER_FOLDER_MODE });
  const file = path.join(folder, `yingbin-${fileStamp(at)}.db`);
  const partial = `${file}.partial`;
  // Created empty and owner-only first, so the copy of guests' data is never world-readable.
  createOwnerFile(partial);
  await sqlite.backup(partial);
  restrictFile(partial);
  fs.renameSync(partial, file);
  return file;
}

/** Tightens the backups in a folder that an older build wrote readable by others. */
export function restrictBackupFiles(folder: string): void {
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder)) if (BACKUP_NAME.test(name)) restrictFile(path.join(folder, name));
}

/** Runs `integrity_check` on a backup file through the open connection (no second driver needed). */
export function verifyBackupFile(sqlite: BetterSqlite3.Database, file: string): void {
  sqlite.prepare('ATTACH DATABASE ? AS backup_check').run(file);
  try {
    const result = sqlite.pragma('backup_check.integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The backup ${file} failed its integrity check: ${String(result)}`);
  } finally {
    sqlite.exec('DETACH DATABASE backup_check');
  }
}
