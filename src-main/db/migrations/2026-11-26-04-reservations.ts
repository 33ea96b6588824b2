/**
 * Frozen: the front desk — room status, fuller guest profiles with a trigram search index, rate
 * plans, closed dates, bookings with the nights they hold, their change history and payments,
 * human-number sequences, and timed-entry tickets — plus the grants of the new permissions.
 */
import { sql, type Kysely } from 'kysely';

const FRONT_DESK = [
  'reservations.view',
  'reservations.manage',
  'guests.manage',
  'housekeeping.manage',
  'tickets.sell',
  'tickets.redeem',
];
const NEW_GRANTS: [role: string, permission: string][] = [
  ...['agent', 'service_rep'].flatMap((role) => FRONT_DESK.map((p): [string, string] => [role, p])),
  ...['supervisor', 'director', 'general_manager'].flatMap((role) =>
    [...FRONT_DESK, 'guests.viewId', 'nightAudit.run'].map((p): [string, string] => [role, p]),
  ),
  ...[...FRONT_DESK, 'guests.viewId', 'nightAudit.run', 'inventory.manage'].map((p): [string, string] => ['admin', p]),
  ['director', 'inventory.manage'],
  ['general_manager', 'inventory.manage'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('room')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('vacant_clean'))
    .execute();

  for (const column of ['id_type', 'id_number', 'preferences', 'special_needs', 'email']) {
    await db.schema.alterTable('guest').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('guest')
    .addColumn('temporary', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('guest_id_number').on('guest').column('id_number').execute();
  // Substring search of 3+ characters (names, phone digits, ID numbers); shorter names use guest_name.
  await sql`CREATE VIRTUAL TABLE guest_fts USING fts5(name, phone, id_number, customer_no, content='guest', content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  await sql`INSERT INTO guest_fts(rowid, name, phone, id_number, customer_no) SELECT rowid, name, phone, id_number, customer_no FROM guest`.execute(
    db,
  );
  await sql`CREATE TRIGGER guest_fts_insert AFTER INSERT ON guest BEGIN
    INSERT INTO guest_fts(rowid, name, phone, id_number, customer_no) VALUES (new.rowid, new.name, new.phone, new.id_number, new.customer_no);
  END`.execute(db);
  await sql`CREATE TRIGGER guest_fts_delete AFTER DELETE ON guest BEGIN
    INSERT INTO guest_fts(guest_fts, rowid, name, phone, id_number, customer_no) VALUES ('delete', old.rowid, old.name, old.phone, old.id_number, old.customer_no);
  END`.execute(db);
  await sql`CREATE TRIGGER guest_fts_update AFTER UPDATE OF name, phone, id_number, customer_no ON guest BEGIN
    INSERT INTO guest_fts(guest_fts, rowid, name, phone, id_number, customer_no) VALUES ('delete', old.rowid, old.name, old.phone, old.id_number, old.customer_no);
    INSERT INTO guest_fts(rowid, name, phone, id_number, customer_no) VALUES (new.rowid, new.name, new.phone, new.id_number, new.customer_no);
  END`.execute(db);

  await db.schema
    .createTable('rate_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('member_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('channels_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('rate_plan_price')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rate_plan_id', 'text', (c) => c.notNull().references('rate_plan.id'))
    .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_type.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('weekdays', 'integer', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_plan_price_plan')
    .on('rate_plan_price')
    .columns(['rate_plan_id', 'room_type_id'])
    .execute();

  await db.schema
    .createTable('closed_date')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('number_sequence')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('booking')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('guest_id', 'text', (c) => c.notNull().references('guest.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('arrival', 'text', (c) => c.notNull())
    .addColumn('departure', 'text', (c) => c.notNull())
    .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_type.id'))
    .addColumn('room_id', 'text', (c) => c.references('room.id'))
    .addColumn('adults', 'integer', (c) => c.notNull())
    .addColumn('children', 'integer', (c) => c.notNull())
    .addColumn('rate_plan_id', 'text', (c) => c.references('rate_plan.id'))
    .addColumn('nights_json', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'integer', (c) => c.notNull())
    .addColumn('guarantee', 'text', (c) => c.notNull())
    .addColumn('special_requests', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('desk_id', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_out_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('booking_arrival').on('booking').columns(['arrival', 'status']).execute();
  await db.schema.createIndex('booking_departure').on('booking').columns(['departure', 'status']).execute();
  await db.schema.createIndex('booking_guest').on('booking').column('guest_id').execute();
  await db.schema.createIndex('booking_room').on('booking').columns(['room_id', 'status']).execute();

  // The nights a booking holds in inventory; rows leave when the booking releases them.
  await db.schema
    .createTable('booking_night')
    .addColumn('booking_id', 'text', (c) => c.notNull().references('booking.id'))
    .addColumn('night', 'text', (c) => c.notNull())
    .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_type.id'))
    .addPrimaryKeyConstraint('booking_night_pk', ['booking_id', 'night'])
    .execute();
  await db.schema
    .createIndex('booking_night_inventory')
    .on('booking_night')
    .columns(['night', 'room_type_id'])
    .execute();

  await db.schema
    .createTable('booking_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('booking.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('auth_method', 'text')
    .addColumn('auth_ref', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('booking_change_booking')
    .on('booking_change')
    .columns(['booking_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('payment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('booking.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('payment_booking').on('payment').column('booking_id').execute();

  await db.schema
    .createTable('ticket_product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('ticket_slot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('ticket_product.id'))
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addUniqueConstraint('ticket_slot_start', ['product_id', 'start_time'])
    .execute();

  await db.schema
    .createTable('ticket_order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'text', (c) => c.notNull().references('ticket_product.id'))
    .addColumn('slot_id', 'text', (c) => c.notNull().references('ticket_slot.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('desk_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema
    .createIndex('ticket_order_slot')
    .on('ticket_order')
    .columns(['slot_id', 'visit_date', 'status'])
    .execute();

  await db.schema
    .createTable('ticket_visitor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('ticket_order.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('redeemed_at', 'text')
    .addColumn('redeemed_by', 'text')
    .execute();
  await db.schema.createIndex('ticket_visitor_order').on('ticket_visitor').column('order_id').execute();

  // Selling beyond inventory, lowering a price (by amount tier) and urgent changes wait for a supervisor.
  await db
    .insertInto('approval_rule')
    .values([
      {
        operation: 'bookings.overbook',
        needs_approval: 1,
        min_approver_role: 'supervisor',
        approval_min_fen: null,
        dual_review: 0,
        dual_review_min_fen: null,
      },
      {
        operation: 'bookings.overridePrice',
        needs_approval: 1,
        min_approver_role: null,
        approval_min_fen: 1,
        dual_review: 0,
        dual_review_min_fen: null,
      },
      {
        operation: 'bookings.change',
        needs_approval: 1,
        min_approver_role: 'supervisor',
        approval_min_fen: null,
        dual_review: 0,
        dual_review_min_fen: null,
      },
    ])
    .execute();

  for (const [role, permission] of NEW_GRANTS) {
    await sql`INSERT OR IGNORE INTO role_permission (role, permission)
      SELECT ${role}, ${permission} WHERE EXISTS (SELECT 1 FROM property)`.execute(db);
  }
}
