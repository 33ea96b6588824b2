/**
 * Frozen: cancellation policies on rate plans and ticket products, their snapshot on each booking
 * and ticket order, and the cancellations themselves.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['rate_plan', 'ticket_product', 'booking', 'ticket_order']) {
    await db.schema.alterTable(table).addColumn('cancellation_policy_json', 'text').execute();
  }
  await db.schema
    .createTable('cancellation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('booking_id', 'text', (c) => c.references('booking.id'))
    .addColumn('ticket_order_id', 'text', (c) => c.references('ticket_order.id'))
    .addColumn('arrival', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('penalty_fen', 'integer', (c) => c.notNull())
    .addColumn('refund_fen', 'integer', (c) => c.notNull())
    .addColumn('waived_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('refund_method', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('cancellation_created').on('cancellation').column('created_at').execute();
  await db.schema.createIndex('cancellation_arrival').on('cancellation').column('arrival').execute();
  // Waiving a penalty waits for approval by the amount waived.
  await db
    .insertInto('approval_rule')
    .values({
      operation: 'cancellations.waive',
      needs_approval: 1,
      min_approver_role: null,
      approval_min_fen: 1,
      dual_review: 0,
      dual_review_min_fen: null,
    })
    .execute();
}
