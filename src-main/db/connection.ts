/** Opens the desk's SQLite database: WAL, foreign keys, a busy timeout, migrated to the latest schema. */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export const DATABASE_FILE = 'yingbin.db';

export interface OpenedDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  file: string;
}

export interface OpenOptions {
  /** A better-sqlite3 addon built for another runtime (Electron's ABI); Node's build by default. */
  nativeBinding?: string;
}

export function openSqlite(file: string, options: OpenOptions & { readonly?: boolean } = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  return sqlite;
}

export async function openDatabase(dataDir: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const sqlite = openSqlite(file, options);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
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
