/**
 * Frozen: rooms became aggregate roots (who holds a room is decided in a serial order). The stored
 * room rows get the hold sequence desk migration 25 added, and name their root, so that a desk's
 * next write of a room is judged against the writes other desks made to it.
 */
import { sql, type Kysely } from 'kysely';
import { addColumnsToStoredRows } from './stored-rows';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await addColumnsToStoredRows(db, 'room', { hold_seq: 0 });
  await db
    .updateTable('sync_row')
    .set({ root_key: sql`'room:' || row_key` })
    .where('table_name', '=', 'room')
    .execute();
}
