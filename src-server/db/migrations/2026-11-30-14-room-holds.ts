/**
 * Frozen: rooms became aggregate roots (who holds a room is decided in a serial order). The stored
 * room rows get the hold sequence desk migration 25 added and name their root; each also takes the
 * property's next version, so every desk pulls it again and records the room's root at that
 * version — a desk that never learnt a root bases its claims on 0, which any earlier write by
 * another desk would make stale on every push.
 */
import { sql, type Kysely } from 'kysely';
import { addColumnsToStoredRows } from './stored-rows';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await addColumnsToStoredRows(db, 'room', { hold_seq: 0 });
  const properties = (await db.selectFrom('property').select(['id', 'version']).execute()) as {
    id: string;
    version: number | string;
  }[];
  for (const property of properties) {
    let version = Number(property.version);
    const rooms = (await db
      .selectFrom('sync_row')
      .select('row_key')
      .where('property_id', '=', property.id)
      .where('table_name', '=', 'room')
      .orderBy('version')
      .execute()) as { row_key: string }[];
    for (const { row_key: key } of rooms) {
      version += 1;
      await db
        .updateTable('sync_row')
        .set({ root_key: sql`'room:' || row_key`, version })
        .where('property_id', '=', property.id)
        .where('table_name', '=', 'room')
        .where('row_key', '=', key)
        .execute();
    }
    if (version !== Number(property.version))
      await db.updateTable('property').set({ version }).where('id', '=', property.id).execute();
  }
}
