/** Cancellation records: written once when a booking or ticket order is cancelled (or a no-show is charged), read back for lists. */
import type { Kysely } from 'kysely';
import { newId } from '../made';
import type { Cancellation, CancelReason, PaymentMethod } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { CancellationCharge } from '@shared/rules/cancellation';
import type { Database } from '../../db/schema';
import { businessDate } from '../business-date';
import { nextNumber } from '../numbers';
import type { HandlerContext } from '../rpc/handler';
import { actingStaff } from '../session-holder';

export interface NewCancellation {
  subject: { bookingId: string } | { ticketOrderId: string };
  arrival: string;
  reason: CancelReason;
  note: string;
  charge: CancellationCharge;
  refundMethod: PaymentMethod | null;
}

export async function insertCancellation(ctx: HandlerContext, record: NewCancellation): Promise<string> {
  const id = newId();
  const at = ctx.now.toISOString();
  const staff = actingStaff(ctx.session);
  await ctx.db
    .insertInto('cancellation')
    .values({
      id,
      number: await nextNumber(ctx.db, ctx, 'X', await businessDate(ctx.db, ctx.now)),
      booking_id: 'bookingId' in record.subject ? record.subject.bookingId : null,
      ticket_order_id: 'ticketOrderId' in record.subject ? record.subject.ticketOrderId : null,
      arrival: record.arrival,
      reason: record.reason,
      note: record.note,
      penalty_fen: record.charge.penaltyFen,
      refund_fen: record.charge.refundFen,
      waived_fen: 0,
      rule: record.charge.rule,
      refund_method: record.refundMethod,
      staff_id: staff.id,
      staff_name: staff.name,
      created_at: at,
      updated_at: at,
      server_version: null,
    })
    .execute();
  return id;
}

function listQuery(db: Kysely<Database>) {
  return db
    .selectFrom('cancellation')
    .leftJoin('booking', 'booking.id', 'cancellation.booking_id')
    .leftJoin('guest', 'guest.id', 'booking.guest_id')
    .leftJoin('ticket_order', 'ticket_order.id', 'cancellation.ticket_order_id')
    .selectAll('cancellation')
    .select([
      'booking.number as booking_number',
      'guest.name as guest_name',
      'ticket_order.number as ticket_number',
      (eb) =>
        eb
          .selectFrom('ticket_visitor')
          .select('ticket_visitor.name')
          .whereRef('ticket_visitor.order_id', '=', 'cancellation.ticket_order_id')
          .orderBy('ticket_visitor.id')
          .limit(1)
          .as('visitor_name'),
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

function toCancellation(row: ListRow): Cancellation {
  const booking = row.booking_id !== null;
  return {
    id: row.id,
    number: row.number,
    subject: {
      type: booking ? 'booking' : 'ticket_order',
      id: (row.booking_id ?? row.ticket_order_id)!,
      number: (booking ? row.booking_number : row.ticket_number) ?? '',
      guestName: (booking ? row.guest_name : row.visitor_name) ?? '',
      arrival: row.arrival,
    },
    reason: row.reason,
    note: row.note,
    penaltyFen: row.penalty_fen,
    refundFen: row.refund_fen,
    waivedFen: row.waived_fen,
    rule: row.rule,
    refundMethod: row.refund_method,
    staffName: row.staff_name,
    at: row.created_at,
  };
}

export async function loadCancellation(db: Kysely<Database>, id: string): Promise<Cancellation> {
  const row = await listQuery(db).where('cancellation.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toCancellation(row);
}

export async function listCancellations(
  db: Kysely<Database>,
  filter: { column: 'created_at' | 'arrival'; from: string; to: string },
): Promise<Cancellation[]> {
  const rows = await listQuery(db)
    .where(`cancellation.${filter.column}`, '>=', filter.from)
    .where(`cancellation.${filter.column}`, '<', filter.to)
    .orderBy(`cancellation.${filter.column}`)
    .orderBy('cancellation.number')
    .limit(1000)
    .execute();
  return rows.map(toCancellation);
}
