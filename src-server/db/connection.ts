/**
 * Opens the server's database, migrated to the latest schema: an embedded SQLite file in the
 * data folder by default, PostgreSQL when given a connection URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export const SERVER_DATABASE_FILE = 'server.sqlite';

export type DialectName = 'sqlite' | 'postgres';

export interface ServerDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export type DatabaseLocation = { dataDir: string } | { databaseUrl: string };

const INT8_OID = 20;

function openSqliteDialect(dataDir: string): SqliteDialect {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(dataDir, SERVER_DATABASE_FILE));
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  return new SqliteDialect({ database: sqlite });
}

function openPostgresDialect(databaseUrl: string): PostgresDialect {
  // Versions, sequences and counts are bigints; they stay far below 2^53, so read them as numbers.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, types, max: 10 }) });
}

export async function openServerDatabase(location: DatabaseLocation): Promise<ServerDatabase> {
  const dialect: DialectName = 'databaseUrl' in location ? 'postgres' : 'sqlite';
  const db = new Kysely<Database>({
    dialect:
      'databaseUrl' in location ? openPostgresDialect(location.databaseUrl) : openSqliteDialect(location.dataDir),
  });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, close: () => db.destroy() };
}

/** Where the command line finds the database: DATABASE_URL when set, else the data folder. */
export function locateDatabase(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): DatabaseLocation {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  if (!dataDir) throw new Error('Give --data-dir DIR (or set DATABASE_URL).');
  return { dataDir };
}
