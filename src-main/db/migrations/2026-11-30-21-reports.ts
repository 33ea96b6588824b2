/**
 * Frozen: printable reports. A supervisor submits a finished daily, weekly or monthly report; the
 * submission freezes its figures (the report document as it stood) and syncs, one per kind and
 * period (the server keeps the first). `reports.view` and `reports.submit` are granted to the
 * approver roles and admins on an existing property; the server grants them in its stored matrix
 * by its own migration (10), so the grant is not a change for the desk to send. Bookings get an
 * index by when they were made, for the monthly operations report.
 */
import type { Kysely } from 'kysely';
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
  await captureChanges(db, [['report_submission', 'id']]);
  await grantOnExistingProperty(db, GRANTS);
}
