/**
 * Frozen: complaint tickets (客诉工单) and their timeline. A ticket is owned by whoever opened it
 * until a hand-over is accepted; categories are data (a synced table seeded here, so an admin can
 * add a property's own); the complaint and its events sync like every other aggregate. An existing
 * property grants `complaints.handle` to the roles that handle guests; the server grants it in its
 * stored matrix by its own migration (08), so the grant is not a change for the desk to send.
 */
import type { Kysely } from 'kysely';
import { captureChanges, grantOnExistingProperty } from './capture';

const CATEGORIES: ReadonlyArray<readonly [code: string, zh: string, en: string]> = [
  ['room', '客房', 'Room'],
  ['cleanliness', '卫生', 'Cleanliness'],
  ['noise', '噪音', 'Noise'],
  ['billing', '账单', 'Billing'],
  ['staff', '员工服务', 'Staff'],
  ['facilities', '设施', 'Facilities'],
  ['food', '餐饮', 'Food'],
  ['ticketing', '票务与检票', 'Ticketing and gate'],
  ['other', '其他', 'Other'],
];

const CAPTURED: ReadonlyArray<readonly [table: string, key: string]> = [
  ['complaint_category', 'code'],
  ['complaint', 'id'],
  ['complaint_event', 'id'],
];

const NEW_GRANTS: ReadonlyArray<readonly [role: string, permission: string]> = [
  ['agent', 'complaints.handle'],
  ['service_rep', 'complaints.handle'],
  ['supervisor', 'complaints.handle'],
  ['director', 'complaints.handle'],
  ['general_manager', 'complaints.handle'],
  ['admin', 'complaints.handle'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('complaint_category')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('complaint_category')
    .values(CATEGORIES.map(([code, zh, en], position) => ({ code, name_zh: zh, name_en: en, position })))
    .execute();

  await db.schema
    .createTable('complaint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('guest_id', 'text')
    .addColumn('booking_id', 'text')
    .addColumn('ticket_order_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('expectation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('pending_owner_id', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('complaint_owner').on('complaint').columns(['owner_id', 'status']).execute();
  await db.schema.createIndex('complaint_status').on('complaint').columns(['status', 'opened_at']).execute();

  await db.schema
    .createTable('complaint_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_staff_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema
    .createIndex('complaint_event_complaint')
    .on('complaint_event')
    .columns(['complaint_id', 'at'])
    .execute();

  // After the seed, so the categories every desk seeds alike are not queued as a change.
  await captureChanges(db, CAPTURED);

  await grantOnExistingProperty(db, NEW_GRANTS);
}
