/** Frozen: enrolment codes, properties, devices, stored push results and the synced rows. Portable across SQLite and PostgreSQL. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enrolment_code')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('property_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .execute();

  await db.schema
    .createTable('property')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('founding_device_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('device')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('property_id', 'text', (c) => c.notNull().references('property.id'))
    .addColumn('desk_code', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('push_result')
    .addColumn('device_id', 'text', (c) => c.notNull().references('device.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .addColumn('conflict_id', 'text')
    .addColumn('restore_json', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_result_pk', ['device_id', 'seq'])
    .execute();

  await db.schema
    .createTable('sync_row')
    .addColumn('property_id', 'text', (c) => c.notNull().references('property.id'))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('group_key', 'text')
    .addColumn('unique_key', 'text')
    .addPrimaryKeyConstraint('sync_row_pk', ['property_id', 'table_name', 'row_key'])
    .execute();
  // Unique: every row write of a property takes the next version, so a pull cursor never skips one.
  await db.schema.createIndex('sync_row_version').on('sync_row').columns(['property_id', 'version']).unique().execute();
  // Partial: only rows that have the key, so that a planner without statistics yet (a property's
  // first big snapshot) can never take them for the primary key's lookups.
  await db.schema
    .createIndex('sync_row_group')
    .on('sync_row')
    .columns(['property_id', 'table_name', 'group_key'])
    .where(sql.ref('group_key'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('sync_row_unique')
    .on('sync_row')
    .columns(['property_id', 'table_name', 'unique_key'])
    .where(sql.ref('unique_key'), 'is not', null)
    .execute();
}
