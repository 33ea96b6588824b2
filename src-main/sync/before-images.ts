/**
 * What a synced row held before the desk's pending writes touched it. Temporary triggers, made on
 * each connection from the tables' current columns, keep the first image of every touched key
 * (NULL: the key did not exist, the row was inserted) until the key's effect is taken for the
 * outbox. From the image the desk knows whether it inserted, updated or deleted a row and which
 * columns it changed — what the write rules of src-shared/sync/write-rules are checked against,
 * at the desk and on the server.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { SYNCED_TABLES, syncedTable, type SyncRow } from '@shared/sync/tables';
import type { Database } from '../db/schema';

function keyExpression(row: 'NEW' | 'OLD', key: readonly string[]): string {
  return key.length === 1
    ? `CAST(${row}."${key[0]}" AS TEXT)`
    : `json_array(${key.map((c) => `${row}."${c}"`).join(', ')})`;
}

/** Creates the image table and triggers on this connection (they live as long as it does). */
export function installBeforeImages(sqlite: BetterSqlite3.Database): void {
  for (const name of ['sync_before', 'sync_before_stray']) {
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${name} (
      table_name TEXT NOT NULL, row_key TEXT NOT NULL, row_json TEXT, PRIMARY KEY (table_name, row_key))`);
  }
  for (const table of Object.keys(SYNCED_TABLES)) {
    const { key } = syncedTable(table);
    const columns = (sqlite.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const image = `json_object(${columns.map((c) => `'${c}', OLD."${c}"`).join(', ')})`;
    sqlite.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${table}_before_insert AFTER INSERT ON main.${table}
      BEGIN INSERT OR IGNORE INTO sync_before VALUES ('${table}', ${keyExpression('NEW', key)}, NULL); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${table}_before_update BEFORE UPDATE ON main.${table}
      BEGIN INSERT OR IGNORE INTO sync_before VALUES ('${table}', ${keyExpression('OLD', key)}, ${image}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${table}_before_delete BEFORE DELETE ON main.${table}
      BEGIN INSERT OR IGNORE INTO sync_before VALUES ('${table}', ${keyExpression('OLD', key)}, ${image}); END;`);
  }
}

/** undefined: no image kept (the key was not touched since its effect was last taken). */
export type BeforeImage = SyncRow | null | undefined;

/** Reads and forgets the image of a touched key. */
export async function takeBeforeImage(db: Kysely<Database>, table: string, key: string): Promise<BeforeImage> {
  const { rows } = await sql<{ row_json: string | null }>`
    DELETE FROM temp.sync_before WHERE table_name = ${table} AND row_key = ${key} RETURNING row_json`.execute(db);
  const found = rows[0];
  if (!found) return undefined;
  return found.row_json === null ? null : (JSON.parse(found.row_json) as SyncRow);
}

/** Keys written outside any mutation and not yet queued (a sign-in's lockout counter, the overdue-paperwork mark). */
const STRAY = sql`EXISTS (SELECT 1 FROM main.sync_touched t WHERE t.table_name = b.table_name AND t.row_key = b.row_key)`;

/**
 * At the start of a mutation: sets aside the images of keys written outside any mutation, so a key
 * the mutation writes again is described by what the mutation itself changed.
 */
export async function setStrayImagesAside(db: Kysely<Database>): Promise<void> {
  await sql`INSERT OR REPLACE INTO temp.sync_before_stray SELECT * FROM temp.sync_before b WHERE ${STRAY}`.execute(db);
  await sql`DELETE FROM temp.sync_before AS b WHERE ${STRAY}`.execute(db);
}

/** At its end: the set-aside images of keys still waiting to be queued come back (the mutation took the others). */
export async function restoreStrayImages(db: Kysely<Database>): Promise<void> {
  await sql`INSERT OR REPLACE INTO temp.sync_before SELECT * FROM temp.sync_before_stray b WHERE ${STRAY}`.execute(db);
  await sql`DELETE FROM temp.sync_before_stray`.execute(db);
}

/** Forgets every image: the touched keys were emptied (founding snapshot, joining a property). */
export async function forgetBeforeImages(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM temp.sync_before`.execute(db);
}

/** After a pulled page: forgets the images of the server's writes, keeps those of keys still queued. */
export function keepQueuedBeforeImages(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(`DELETE FROM temp.sync_before WHERE NOT EXISTS
    (SELECT 1 FROM main.sync_touched t WHERE t.table_name = sync_before.table_name AND t.row_key = sync_before.row_key)`);
}
