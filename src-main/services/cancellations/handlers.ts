/**
 * Cancelling by the snapshotted policy, exact to the second in the property's zone: the penalty,
 * the refund and the inventory given back happen in one transaction; waivers go through approval.
 */
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import type { Cancellation, CancelReason, PaymentMethod } from '@shared/contract';
import {
  bookingStay as stayOf,
  cancellationCharge,
  FREE_POLICY,
  noShowCharge,
  ticketStay,
  waivedCharge,
  type CancellableStay,
} from '@shared/rules/cancellation';
import { localDayStartUtc, nextLocalDate } from '@shared/time';
import type { BookingRow, Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';
import { assertCan, recordChange } from '../bookings/history';
import { releaseNights } from '../bookings/inventory';
import { paidFen, writePayment } from '../bookings/payments';
import { findBookingRow } from '../bookings/read';
import type { HandlerContext, HandlerMap } from '../rpc/handler';
import { reverseRedemptions } from '../members/stays';
import { readPolicy } from './policy';
import { insertCancellation, listCancellations, loadCancellation } from './records';
import { checkInTime } from './check-in-time';

async function bookingStay(db: Kysely<Database>, booking: BookingRow): Promise<CancellableStay> {
  return stayOf(booking, await checkInTime(db));
}

/** `free`: the property's own doing (e.g. a sale it could not honour) waives its terms. */
async function bookingCharge(ctx: Pick<HandlerContext, 'db' | 'now'>, booking: BookingRow, free = false) {
  const { timeZone } = await loadProperty(ctx.db);
  const paid = await paidFen(ctx.db, booking.id);
  const policy = free ? FREE_POLICY : readPolicy(booking.cancellation_policy_json);
  return { paid, charge: cancellationCharge(policy, await bookingStay(ctx.db, booking), paid, ctx.now, timeZone) };
}

async function ticketOrder(db: Kysely<Database>, orderId: string) {
  const order = await db
    .selectFrom('ticket_order')
    .innerJoin('ticket_slot', 'ticket_slot.id', 'ticket_order.slot_id')
    .selectAll('ticket_order')
    .select('ticket_slot.start_time')
    .where('ticket_order.id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw new AppError('NOT_FOUND');
  return order;
}

async function ticketCharge(ctx: Pick<HandlerContext, 'db' | 'now'>, orderId: string, free = false) {
  const order = await ticketOrder(ctx.db, orderId);
  const { timeZone } = await loadProperty(ctx.db);
  const stay = ticketStay(order, order.start_time);
  const policy = free ? FREE_POLICY : readPolicy(order.cancellation_policy_json);
  // A ticket is paid when it is sold.
  return { order, charge: cancellationCharge(policy, stay, order.total_fen, ctx.now, timeZone) };
}

export interface CancelTerms {
  reason: CancelReason;
  note: string;
  refundMethod: PaymentMethod;
  free?: boolean;
}

/** Points back to the member, the cancellation record, the nights and the money returned, the history: one call inside the caller's transaction. */
export async function cancelBooking(
  ctx: HandlerContext,
  booking: BookingRow,
  terms: CancelTerms,
): Promise<Cancellation> {
  const { id } = booking;
  assertCan(booking.status, 'cancel');
  // Points paid for the stay go back to the member first; the penalty is then settled in money.
  await reverseRedemptions(ctx, id);
  const { charge } = await bookingCharge(ctx, booking, terms.free);
  const cancellationId = await insertCancellation(ctx, {
    subject: { bookingId: id },
    arrival: booking.arrival,
    reason: terms.reason,
    note: terms.note,
    charge,
    refundMethod: terms.refundMethod,
  });
  const record = await loadCancellation(ctx.db, cancellationId);
  await ctx.db
    .updateTable('booking')
    .set({ status: 'cancelled', total_fen: charge.penaltyFen, updated_at: ctx.now.toISOString() })
    .where('id', '=', id)
    .execute();
  await releaseNights(ctx.db, id);
  await refund(ctx, id, charge.refundFen, terms.refundMethod, record.number);
  await recordChange(
    ctx,
    id,
    'cancelled',
    { status: booking.status, totalFen: booking.total_fen },
    {
      cancellation: record.number,
      penaltyFen: charge.penaltyFen,
      refundFen: charge.refundFen,
      rule: charge.rule,
      reason: terms.reason,
    },
  );
  ctx.audit({
    entityType: 'booking',
    entityId: id,
    before: { status: booking.status },
    after: {
      status: 'cancelled',
      cancellation: record.number,
      penaltyFen: charge.penaltyFen,
      refundFen: charge.refundFen,
      rule: charge.rule,
    },
  });
  return record;
}

export async function cancelTicketOrder(
  ctx: HandlerContext,
  orderId: string,
  terms: CancelTerms,
): Promise<Cancellation> {
  const { order, charge } = await ticketCharge(ctx, orderId, terms.free);
  if (order.status !== 'sold') throw new AppError('BOOKING_STATE');
  const redeemed = await ctx.db
    .selectFrom('ticket_visitor')
    .select('id')
    .where('order_id', '=', orderId)
    .where('redeemed_at', 'is not', null)
    .executeTakeFirst();
  if (redeemed) throw new AppError('TICKET_ALREADY_USED');
  const cancellationId = await insertCancellation(ctx, {
    subject: { ticketOrderId: orderId },
    arrival: order.visit_date,
    reason: terms.reason,
    note: terms.note,
    charge,
    refundMethod: terms.refundMethod,
  });
  // The slot's places come back with the status: availability counts sold orders only.
  await ctx.db
    .updateTable('ticket_order')
    .set({ status: 'cancelled', total_fen: charge.penaltyFen, updated_at: ctx.now.toISOString() })
    .where('id', '=', orderId)
    .execute();
  ctx.audit({
    entityType: 'ticket_order',
    entityId: orderId,
    before: { status: 'sold' },
    after: { status: 'cancelled', penaltyFen: charge.penaltyFen, refundFen: charge.refundFen, rule: charge.rule },
  });
  return loadCancellation(ctx.db, cancellationId);
}

async function refund(
  ctx: HandlerContext,
  bookingId: string,
  amountFen: number,
  method: PaymentMethod,
  reference: string,
): Promise<void> {
  if (amountFen > 0) await writePayment(ctx, { bookingId, kind: 'refund', method, amountFen, reference });
}

/** What a booking that never arrived owes, by its own terms. */
export async function noShowPenalty(db: Kysely<Database>, booking: BookingRow) {
  return noShowCharge(
    readPolicy(booking.cancellation_policy_json),
    await bookingStay(db, booking),
    await paidFen(db, booking.id),
  );
}

export const cancellationHandlers: HandlerMap<
  | 'bookings.cancellationQuote'
  | 'bookings.cancel'
  | 'tickets.cancellationQuote'
  | 'tickets.cancel'
  | 'cancellations.waive'
  | 'cancellations.list'
> = {
  'bookings.cancellationQuote': async (ctx, { id }) => {
    const booking = await findBookingRow(ctx.db, id);
    assertCan(booking.status, 'cancel');
    const { paid, charge } = await bookingCharge(ctx, booking);
    return {
      freeUntil: charge.freeUntil,
      penaltyFen: charge.penaltyFen,
      refundFen: charge.refundFen,
      paidFen: paid,
      rule: charge.rule,
    };
  },

  'bookings.cancel': async (ctx, { id, reason, note, refundMethod }) =>
    cancelBooking(ctx, await findBookingRow(ctx.db, id), { reason, note, refundMethod }),

  'tickets.cancellationQuote': async (ctx, { orderId }) => {
    const { order, charge } = await ticketCharge(ctx, orderId);
    if (order.status !== 'sold') throw new AppError('BOOKING_STATE');
    return {
      freeUntil: charge.freeUntil,
      penaltyFen: charge.penaltyFen,
      refundFen: charge.refundFen,
      paidFen: order.total_fen,
      rule: charge.rule,
    };
  },

  'tickets.cancel': async (ctx, { orderId, reason, note, refundMethod }) =>
    cancelTicketOrder(ctx, orderId, { reason, note, refundMethod }),

  'cancellations.waive': async (ctx, { cancellationId, penaltyFen, reason }) => {
    const before = await loadCancellation(ctx.db, cancellationId);
    if (penaltyFen >= before.penaltyFen) throw new AppError('INPUT_INVALID', { fields: 'penaltyFen' }, ['penaltyFen']);
    const at = ctx.now.toISOString();
    let waiver = waivedCharge(before, penaltyFen, null);
    if (before.subject.type === 'booking') {
      const booking = await findBookingRow(ctx.db, before.subject.id);
      // Whatever the guest has paid beyond the lowered penalty goes back by the cancellation's method.
      waiver = waivedCharge(before, penaltyFen, await paidFen(ctx.db, booking.id));
      await ctx.db
        .updateTable('booking')
        .set({ total_fen: penaltyFen, updated_at: at })
        .where('id', '=', booking.id)
        .execute();
      await refund(ctx, booking.id, waiver.refundNowFen, before.refundMethod ?? 'other', before.number);
      await recordChange(ctx, booking.id, 'penalty_waived', { penaltyFen: before.penaltyFen }, { penaltyFen, reason });
    } else {
      await ctx.db
        .updateTable('ticket_order')
        .set({ total_fen: penaltyFen, updated_at: at })
        .where('id', '=', before.subject.id)
        .execute();
    }
    await ctx.db
      .updateTable('cancellation')
      .set({
        penalty_fen: waiver.penaltyFen,
        waived_fen: waiver.waivedFen,
        refund_fen: waiver.refundFen,
        updated_at: at,
      })
      .where('id', '=', cancellationId)
      .execute();
    const after = await loadCancellation(ctx.db, cancellationId);
    ctx.audit({
      entityType: 'cancellation',
      entityId: cancellationId,
      before: { penaltyFen: before.penaltyFen },
      after: { penaltyFen, waivedFen: after.waivedFen, reason },
    });
    return after;
  },

  'cancellations.list': async ({ db }, { by, from, to }) => {
    if (by === 'arrival') return listCancellations(db, { column: 'arrival', from, to: nextLocalDate(to) });
    const { timeZone } = await loadProperty(db);
    return listCancellations(db, {
      column: 'created_at',
      from: localDayStartUtc(from, timeZone),
      to: localDayStartUtc(nextLocalDate(to), timeZone),
    });
  },
};
