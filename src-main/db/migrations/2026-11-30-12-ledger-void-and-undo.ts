/**
 * Frozen: a redemption the server never posted is voided, not reversed (status 'void', counted
 * nowhere), so cancelling it creates no points; and a rebase may take back the ledger entries of
 * the desk's own pending mutations (never synced, about to be run again): the append-only trigger
 * yields only while sync_undo.active is set, inside the rebase's transaction.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_undo')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('sync_undo').values({ id: 1, active: 0 }).execute();
  await sql`DROP TRIGGER points_entry_no_delete`.execute(db);
  await sql`CREATE TRIGGER points_entry_no_delete BEFORE DELETE ON points_entry WHEN (SELECT active FROM sync_undo WHERE id = 1) = 0
    BEGIN SELECT RAISE(ABORT, 'points_entry is append-only'); END`.execute(db);
}
