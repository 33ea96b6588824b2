/**
 * Online backups of the desk database to a second folder (SQLite's backup API, safe while the
 * app is writing), and restore from such a file while the app is closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { BackupFile } from '@shared/contract';
import { BACKUP_NAME, fileStamp, stampToIso, writeBackupFile } from '../../db/backup-file';
import { DATABASE_FILE, openSqlite } from '../../db/connection';
import { ensureOwnerFolder, restrictFile } from '../../db/file-access';
import { assertKnownPrefix } from '../../db/migrate';

export async function backupTo(sqlite: BetterSqlite3.Database, folder: string, at: Date): Promise<BackupFile> {
  const file = await writeBackupFile(sqlite, folder, at);
  return { file, at: at.toISOString(), bytes: fs.statSync(file).size };
}

export function listBackups(folder: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const match = BACKUP_NAME.exec(name);
      if (!match) return [];
      const file = path.join(folder, name);
      return [{ file, at: stampToIso(match[1]!), bytes: fs.statSync(file).size }];
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Deletes all but the newest `keep` backups in the folder. */
export function pruneBackups(folder: string, keep: number): void {
  for (const old of listBackups(folder).slice(keep)) fs.rmSync(old.file);
}

function checkRestorable(file: string): void {
  const sqlite = openSqlite(file, { readonly: true });
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`The backup ${file} is damaged: ${String(integrity)}`);
    const applied = (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY timestamp, name').all() as { name: string }[]).map((r) => r.name);
    assertKnownPrefix(applied);
  } finally {
    sqlite.close();
  }
}

/**
 * Replaces the desk database with a backup. The app must be closed. The replaced database is
 * kept beside it (`yingbin.db.replaced-<time>`), never deleted.
 */
export function restoreBackup(dataDir: string, backupFile: string, at: Date): { replacedBy: string; keptAs: string | null } {
  checkRestorable(backupFile);
  const target = path.join(dataDir, DATABASE_FILE);
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the WAL into the main file so the kept copy is whole.
    const current = openSqlite(target);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    keptAs = `${target}.replaced-${fileStamp(at)}`;
    fs.renameSync(target, keptAs);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  }
  ensureOwnerFolder(dataDir);
  fs.copyFileSync(backupFile, target);
  restrictFile(target);
  return { replacedBy: backupFile, keptAs };
}
