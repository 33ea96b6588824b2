/**
 * Online backups of the desk database to a second folder (SQLite's backup API, safe while the
 * app is writing), and restore from such a file while the app is closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { BackupFile } from '@shared/contract';
import { DATABASE_FILE, openSqlite } from '../../db/connection';
import { assertKnownPrefix } from '../../db/migrate';

const BACKUP_NAME = /^yingbin-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/;

function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T');
  const [h, m, s, ms] = time!.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

export async function backupTo(sqlite: BetterSqlite3.Database, folder: string, at: Date): Promise<BackupFile> {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `yingbin-${fileStamp(at)}.db`);
  const partial = `${file}.partial`;
  await sqlite.backup(partial);
  fs.renameSync(partial, file);
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
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(backupFile, target);
  return { replacedBy: backupFile, keptAs };
}
