/**
 * Opens the desk's SQLite database: owner-only files, WAL with synchronous=FULL, foreign keys,
 * a busy timeout, migrated to the latest schema after a verified backup when it has data. A file
 * shorter than its own header says is refused as truncated before SQLite reads past its end.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import {
  BACKUP_FOLDER_SETTING,
  defaultBackupFolder,
  restrictBackupFiles,
  verifyBackupFile,
  writeBackupFile,
  writeSealedBackupFile,
} from './backup-file';
import { assertWholeDatabaseFile } from './database-file';
import { createOwnerFile, ensureOwnerFolder, restrictFile } from './file-access';
import { migrateToLatest, type MigrationList } from './migrate';
import type { Database } from './schema';
import type { BackupSealing } from './sealed-backup';

export const DATABASE_FILE = 'yingbin.db';

export interface OpenedDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  file: string;
}

export interface OpenOptions {
  /** A better-sqlite3 addon built for another runtime (Electron's ABI); Node's build by default. */
  nativeBinding?: string;
  /** Tests only: a migration list other than the shipped one. */
  migrations?: MigrationList;
  /** The time stamped on the backup taken before migrating; now by default. */
  now?: () => Date;
  /**
   * The keys that encrypt the backup taken before migrating, read from the not yet migrated
   * database and the desk's key store; null while the property has no key this desk holds
   * (that backup is then a plain file inside the data folder).
   */
  backupSealing?: (db: Kysely<Database>) => Promise<BackupSealing | null>;
}

export function openSqlite(file: string, options: OpenOptions & { readonly?: boolean } = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed, not left in free pages: an erased guest's name
  // or a value sealed since is not in the file's slack (migration 15 drops columns that held them in clear).
  sqlite.pragma('secure_delete = ON');
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit: an acknowledged booking survives a power cut
    // (NORMAL may lose the last commits). Its cost is measured in tests/bench/durability.bench.ts.
    sqlite.pragma('synchronous = FULL');
  }
  return sqlite;
}

/** The backup folder the admin set, read raw: before migrating, no typed schema can be assumed. */
function backupFolder(sqlite: BetterSqlite3.Database, dataDir: string): string {
  const hasSettings = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'setting'").get();
  const row = hasSettings
    ? (sqlite.prepare('SELECT value_json FROM setting WHERE key = ?').get(BACKUP_FOLDER_SETTING) as
        { value_json: string } | undefined)
    : undefined;
  return row ? (JSON.parse(row.value_json) as string) : defaultBackupFolder(dataDir);
}

function restrictDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) restrictFile(file + suffix);
}

export async function openDatabase(dataDir: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  ensureOwnerFolder(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  assertWholeDatabaseFile(dataDir, file);
  // SQLite gives -wal and -shm the database file's mode, so creating it owner-only covers them.
  createOwnerFile(file);
  const sqlite = openSqlite(file, options);
  restrictDatabaseFiles(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, {
      migrations: options.migrations,
      beforeFirstPending: async () => {
        const at = options.now?.() ?? new Date();
        const sealing = (await options.backupSealing?.(db)) ?? null;
        if (sealing) {
          await writeSealedBackupFile(
            sqlite,
            dataDir,
            backupFolder(sqlite, dataDir),
            at,
            sealing,
            options.nativeBinding,
          );
        } else {
          // No key to encrypt with: a plain copy, kept where the live database already is.
          verifyBackupFile(sqlite, await writeBackupFile(sqlite, defaultBackupFolder(dataDir), at));
        }
      },
    });
    restrictDatabaseFiles(file);
    restrictBackupFiles(backupFolder(sqlite, dataDir));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, sqlite, file };
}

/** Opens an existing database for reading only (verification tools), without migrating it. */
export function openDatabaseReadOnly(dataDir: string, options: OpenOptions = {}): OpenedDatabase {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new Error(`No Yingbin database in ${dataDir}`);
  const sqlite = openSqlite(file, { ...options, readonly: true });
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), sqlite, file };
}
