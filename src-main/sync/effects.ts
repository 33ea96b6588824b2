/**
 * What a mutation wrote to synced tables: triggers note each touched row's key in sync_touched;
 * inside the mutation's transaction the keys touched since it began are read back as full rows
 * (or null when deleted) and emptied into its outbox row. Keys touched outside any mutation
 * (bulk seeding, timed jobs) stay until the sync loop queues them in chunks.
 */
import { sql, type Kysely } from 'kysely';
import type { Effect } from '@shared/sync/protocol';
import { isSyncedTable, keyValues, syncedTable, wireRow, type SyncRow } from '@shared/sync/tables';
import type { Database } from '../db/schema';
import { takeBeforeImage, type BeforeImage } from './before-images';

/** A row by its wire key, as stored (desk-only columns included). */
export async function readRow(db: Kysely<Database>, table: string, key: string): Promise<SyncRow | null> {
  const columns = syncedTable(table).key;
  const values = keyValues(table, key);
  const where = sql.join(
    columns.map((column, i) => sql`${sql.ref(column)} = ${values[i]}`),
    sql` AND `,
  );
  const { rows } = await sql<SyncRow>`SELECT * FROM ${sql.table(table)} WHERE ${where}`.execute(db);
  return rows[0] ?? null;
}

/** Where the touched keys stand now: a mutation takes only the keys touched after its mark. */
export async function touchedMark(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ mark: number | null }>`SELECT max(rowid) AS mark FROM sync_touched`.execute(db);
  return rows[0]?.mark ?? 0;
}

/**
 * Reads and clears the keys touched after `mark` (at most `limit`, oldest first) and returns
 * their rows; rows kept on the desk are left out, and so are rows that end as they began (only
 * desk-only columns changed, or inserted and deleted again).
 */
export async function takeEffects(db: Kysely<Database>, mark: number, limit = -1): Promise<TakenEffect[]> {
  const { rows: touched } = await sql<{ id: number; table_name: string; row_key: string }>`
    SELECT rowid AS id, table_name, row_key FROM sync_touched WHERE rowid > ${mark} ORDER BY rowid LIMIT ${limit}`.execute(
    db,
  );
  if (touched.length === 0) return [];
  await sql`DELETE FROM sync_touched WHERE rowid > ${mark} AND rowid <= ${touched.at(-1)!.id}`.execute(db);
  const effects: TakenEffect[] = [];
  for (const { table_name: table, row_key: key } of touched) {
    if (!isSyncedTable(table)) continue;
    const before = await takeBeforeImage(db, table, key);
    const row = await readRow(db, table, key);
    if (row && syncedTable(table).localRow?.(row)) continue;
    const effect = describeEffect(table, key, before, row && wireRow(table, row));
    if (effect) effects.push({ effect, before: before ?? null });
  }
  return effects;
}

/** An effect as it goes on the wire, and the row as it was before the mutation (null: inserted, or not known for writes outside a mutation). */
export interface TakenEffect {
  effect: Effect;
  before: SyncRow | null;
}

/** An insert carries the row, an update the row and the columns it changed, a delete null. */
function describeEffect(table: string, key: string, before: BeforeImage, row: SyncRow | null): Effect | null {
  if (before === undefined) return { table, key, row };
  if (before === null) return row === null ? null : { table, key, row };
  if (row === null) return { table, key, row: null };
  const columns = Object.keys(row).filter((column) => !sameValue(before[column], row[column]));
  return columns.length === 0 ? null : { table, key, row, columns };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
