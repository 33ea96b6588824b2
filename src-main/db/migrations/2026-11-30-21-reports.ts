/**
 * Frozen: printable reports. A supervisor submits a finished daily, weekly or monthly report; the
 * submission freezes its figures (the report document as it stood) and syncs, one per kind and
 * period (the server keeps the first). `reports.view` and `reports.submit` are granted to the
 * approver roles and admins on an existing property; the server grants them in its stored matrix
 * by its own migration (10), so the grant is not a change for the desk to send. Bookings get an
 * index by when they were made, for the monthly operations report. The flash's figures of each
 * night are kept in a desk-local cache (night_figure, never synced), emptied by triggers for the
 * nights any write to a booking touches, local or pulled.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { captureChanges, grantOnExistingProperty } from './capture';

const GRANTS: ReadonlyArray<readonly [role: string, permission: string]> = [
  ['supervisor', 'reports.view'],
  ['supervisor', 'reports.submit'],
  ['director', 'reports.view'],
  ['director', 'reports.submit'],
  ['general_manager', 'reports.view'],
  ['general_manager', 'reports.submit'],
  ['admin', 'reports.view'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_submission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema
    .createIndex('report_submission_period')
    .on('report_submission')
    .columns(['kind', 'period'])
    .unique()
    .execute();
  // Reports over periods: the month's bookings by when they were made; stays by departure with what
  // the flash sums (covering, so a year to date reads no table rows); the cashier's payments and
  // ticket sales by when they were taken; ticket revenue by visit date.
  await db.schema.createIndex('booking_created').on('booking').columns(['created_at']).execute();
  await db.schema
    .createIndex('booking_departure_flash')
    .on('booking')
    .columns(['departure', 'status', 'arrival', 'total_fen', 'deleted_at'])
    .execute();
  await db.schema.createIndex('payment_created').on('payment').columns(['created_at']).execute();
  await db.schema.createIndex('ticket_order_created').on('ticket_order').columns(['created_at']).execute();
  await db.schema.createIndex('ticket_order_visit').on('ticket_order').columns(['visit_date', 'total_fen']).execute();
  // The flash's figures of each night (rooms sold, room revenue at each night's price, ticket
  // revenue by visit date, arrivals honoured, cancelled and no-show), filled on read by
  // services/reports/daily/flash-figures.ts. A desk's cache: not synced, not captured (no outbox
  // row, no sync_touched). Triggers empty a night's row on any write that could change it, made
  // here or pulled from the server: a booking's nights from arrival to departure and the nights it
  // prices, before and after; a ticket order's visit date, before and after; a slot's orders.
  await db.schema
    .createTable('night_figure')
    .addColumn('night', 'text', (c) => c.primaryKey())
    .addColumn('rooms_sold', 'integer', (c) => c.notNull())
    .addColumn('room_revenue_fen', 'integer', (c) => c.notNull())
    .addColumn('ticket_revenue_fen', 'integer', (c) => c.notNull())
    .addColumn('honoured', 'integer', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('no_shows', 'integer', (c) => c.notNull())
    .execute();
  const forgetStay = (row: 'OLD' | 'NEW') =>
    `DELETE FROM night_figure WHERE night BETWEEN ${row}.arrival AND ${row}.departure
       OR night IN (SELECT json_extract(j.value, '$.night')
         FROM json_each(CASE WHEN json_valid(${row}.nights_json) THEN ${row}.nights_json ELSE '[]' END) j);`;
  const forgetVisit = (row: 'OLD' | 'NEW') => `DELETE FROM night_figure WHERE night = ${row}.visit_date;`;
  const forgetSlot = (row: 'OLD' | 'NEW') =>
    `DELETE FROM night_figure WHERE night IN (SELECT visit_date FROM ticket_order WHERE slot_id = ${row}.id);`;
  const triggers: ReadonlyArray<readonly [name: string, when: string, body: string]> = [
    ['booking_insert', 'INSERT ON booking', forgetStay('NEW')],
    ['booking_delete', 'DELETE ON booking', forgetStay('OLD')],
    [
      'booking_update',
      'UPDATE OF status, arrival, departure, nights_json, total_fen, deleted_at ON booking',
      forgetStay('OLD') + forgetStay('NEW'),
    ],
    ['ticket_order_insert', 'INSERT ON ticket_order', forgetVisit('NEW')],
    ['ticket_order_delete', 'DELETE ON ticket_order', forgetVisit('OLD')],
    [
      'ticket_order_update',
      'UPDATE OF visit_date, total_fen, slot_id ON ticket_order',
      forgetVisit('OLD') + forgetVisit('NEW'),
    ],
    ['ticket_slot_insert', 'INSERT ON ticket_slot', forgetSlot('NEW')],
    ['ticket_slot_delete', 'DELETE ON ticket_slot', forgetSlot('OLD')],
    ['ticket_slot_update', 'UPDATE OF id ON ticket_slot', forgetSlot('OLD') + forgetSlot('NEW')],
  ];
  for (const [name, when, body] of triggers)
    await sql.raw(`CREATE TRIGGER night_figure_${name} AFTER ${when} BEGIN ${body} END`).execute(db);
  await captureChanges(db, [['report_submission', 'id']]);
  await grantOnExistingProperty(db, GRANTS);
}
