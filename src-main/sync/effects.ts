/**
 * What a mutation wrote to synced tables: triggers note each touched row's key in sync_touched;
 * inside the mutation's transaction these are read back as full rows (or null when deleted)
 * and emptied into its outbox row.
 */
import { sql, type Kysely } from 'kysely';
import type { Effect } from '@shared/sync/protocol';
import { isSyncedTable, keyValues, syncedTable, wireRow, type SyncRow } from '@shared/sync/tables';
import type { Database } from '../db/schema';

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

/** Reads and clears the rows touched in this transaction; rows kept on the desk are left out. */
export async function takeEffects(db: Kysely<Database>): Promise<Effect[]> {
  const touched = await db.selectFrom('sync_touched').select(['table_name', 'row_key']).execute();
  if (touched.length === 0) return [];
  await db.deleteFrom('sync_touched').execute();
  const effects: Effect[] = [];
  for (const { table_name: table, row_key: key } of touched) {
    if (!isSyncedTable(table)) continue;
    const row = await readRow(db, table, key);
    if (row && syncedTable(table).localRow?.(row)) continue;
    effects.push({ table, key, row: row && wireRow(table, row) });
  }
  return effects;
}
