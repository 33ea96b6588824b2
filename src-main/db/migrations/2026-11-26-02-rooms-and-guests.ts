/** Frozen: room types, rooms and guest profiles in their first form (the demo hotel and scale data use them). */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('room_type')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('base_rate_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('room')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_type.id'))
    .addColumn('features_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('room_room_type').on('room').column('room_type_id').execute();

  await db.schema
    .createTable('guest')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_no', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('guest_phone').on('guest').column('phone').execute();
  await db.schema.createIndex('guest_name').on('guest').column('name').execute();
}
