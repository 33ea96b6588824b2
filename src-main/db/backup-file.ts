/**
 * One backup file of the desk database, taken with SQLite's online backup API (safe while the
 * desk writes): encrypted (`yingbin-<UTC time>.ybk`, see sealed-backup.ts) once the property has
 * a key, or a plain SQLite file (`.db`) before that — written only inside the data folder, where
 * the live database is as readable. Lives beside the connection because a backup is also taken
 * before migrating, before any service exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { createOwnerFile, OWNER_FOLDER_MODE, restrictFile } from './file-access';
import { sealBackup, unsealBackup, type BackupSealing } from './sealed-backup';

/** The setting that names the backup folder; without it, `<data>/backups`. */
export const BACKUP_FOLDER_SETTING = 'backup.folder';

export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Both kinds: `.ybk` encrypted, `.db` plain (made before the property had a key, or by an older build). */
export const BACKUP_NAME = /^yingbin-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.(db|ybk)$/;
export const SEALED_SUFFIX = '.ybk';

export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T');
  const [h, m, s, ms] = time!.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

/** Writes a plain backup of the open database into the folder; the file is complete once renamed. */
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

/** Removes a staged snapshot and the -wal/-shm a read-only check may have left beside it. */
export function removeStaged(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Checks a plain SQLite file on its own read-only connection (a mutation's transaction may be
 * open on the desk's): `integrity_check`, then returns the migrations it has applied.
 * BACKUP_DAMAGED when it is not a sound Yingbin database.
 */
export function checkSnapshot(file: string, nativeBinding?: string): string[] {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding });
    if (sqlite.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity_check failed');
    return (
      sqlite.prepare('SELECT name FROM kysely_migration ORDER BY timestamp, name').all() as { name: string }[]
    ).map((row) => row.name);
  } catch {
    throw new AppError('BACKUP_DAMAGED', { file });
  } finally {
    sqlite?.close();
  }
}

/**
 * Writes an encrypted backup into the folder: the snapshot is staged owner-only in the data
 * folder (beside the live database, never in the backup folder or /tmp), checked with
 * `integrity_check`, encrypted chunk by chunk, and read back: every tag is verified and the
 * decrypted bytes must hash to the snapshot's. Only then is the file renamed into place. The
 * staged snapshot is removed whatever happens.
 */
export async function writeSealedBackupFile(
  sqlite: BetterSqlite3.Database,
  dataDir: string,
  folder: string,
  at: Date,
  sealing: BackupSealing,
  nativeBinding?: string,
): Promise<string> {
  fs.mkdirSync(folder, { recursive: true, mode: OWNER_FOLDER_MODE });
  const name = `yingbin-${fileStamp(at)}`;
  const staged = path.join(dataDir, `${name}.staged`);
  const file = path.join(folder, name + SEALED_SUFFIX);
  const partial = `${file}.partial`;
  try {
    createOwnerFile(staged);
    await sqlite.backup(staged);
    const migrations = checkSnapshot(staged, nativeBinding);
    const written = await sealBackup(staged, partial, sealing, migrations.at(-1) ?? '', at);
    const readBack = await unsealBackup(partial, sealing.backupKey, null);
    if (!written.equals(readBack)) throw new AppError('BACKUP_DAMAGED', { file });
    restrictFile(partial);
    fs.renameSync(partial, file);
    return file;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    removeStaged(staged);
  }
}
