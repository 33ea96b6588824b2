/**
 * Frozen: each stored row names its aggregate root (a booking, a ticket order, a member, the
 * business day) and the device whose mutation wrote it last, so a push can be checked against
 * what its desk saw: another device's write to a root after the version the desk based it on
 * makes it stale.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sync_row').addColumn('root_key', 'text').execute();
  await db.schema.alterTable('sync_row').addColumn('writer_device', 'text').execute();
  await db.schema
    .createIndex('sync_row_root')
    .on('sync_row')
    .columns(['property_id', 'root_key', 'version'])
    .where(sql.ref('root_key'), 'is not', null)
    .execute();
}
