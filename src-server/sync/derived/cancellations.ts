/**
 * Penalties and refunds, worked out by the server with the desk's own rules: a booking or ticket
 * order cancelled by its own snapshotted terms at the mutation's instant, in the property's zone,
 * from the check-in time setting or the ticket slot, against what the server holds as paid (a
 * booking's payments with its points given back first); a supervisor's free cancellation of an
 * oversold sale, which costs nothing; a no-show charged its terms' no-show penalty at the night
 * audit; a waiver that lowers the penalty to the input's and refunds what was paid beyond it.
 */
import {
  bookingStay,
  cancellationCharge,
  FREE_POLICY,
  noShowCharge,
  readPolicy,
  ticketStay,
  waivedCharge,
  type CancellationCharge,
  type CancellationPolicy,
} from '@shared/rules/cancellation';
import type { Rejection } from '../authority';
import type { RowIn } from '../rows';
import { inputOf, mismatch, type Derivation } from './facts';
import { checkReversals } from './points';

function termsOf(row: RowIn<'booking' | 'ticket_order'>, free: boolean): CancellationPolicy | null {
  if (free) return FREE_POLICY;
  try {
    return readPolicy(row.cancellation_policy_json);
  } catch {
    return null;
  }
}

const sum = (rows: readonly RowIn<'payment'>[]): number => rows.reduce((total, row) => total + row.amount_fen, 0);

/** The one cancellation record of a subject, against the charge the server works out; the subject's new total is the penalty. */
function checkRecord(
  what: string,
  records: readonly RowIn<'cancellation'>[],
  subject: RowIn<'booking' | 'ticket_order'>,
  charge: CancellationCharge,
): string | null {
  if (records.length !== 1) return `${what}: ${records.length} cancellation records`;
  const record = records[0]!;
  if (record.penalty_fen !== charge.penaltyFen)
    return `${what}: penalty ${record.penalty_fen}, its terms make it ${charge.penaltyFen} (${charge.rule})`;
  if (record.refund_fen !== charge.refundFen)
    return `${what}: refund ${record.refund_fen}, the server makes it ${charge.refundFen}`;
  if (record.rule !== charge.rule) return `${what}: rule ${record.rule}, the server's is ${charge.rule}`;
  if (subject.total_fen !== charge.penaltyFen)
    return `${what}: total ${subject.total_fen} after cancelling, the penalty is ${charge.penaltyFen}`;
  return null;
}

/** Subjects a mutation moves into a status, as they were and will be. */
function moved<T extends 'booking' | 'ticket_order'>(
  d: Derivation,
  table: T,
  status: RowIn<T>['status'],
): { before: RowIn<T>; after: RowIn<T> }[] {
  return d.rows.updated(table).filter(({ before, after }) => after.status === status && before.status !== status);
}

/**
 * bookings.cancel, and a free cancellation in conflicts.resolve: redemptions given back first (a
 * points refund of what points paid), then the charge on what is paid, refunded by one payment.
 */
export async function checkBookingCancellations(d: Derivation, free: boolean): Promise<Rejection | null> {
  const cancelled = moved(d, 'booking', 'cancelled');
  const ids = new Set(cancelled.map(({ after }) => after.id));
  const records = d.rows.inserted('cancellation').filter((r) => r.booking_id !== null);
  const payments = d.rows.inserted('payment');
  const stray = [...records, ...payments, ...d.rows.inserted('points_entry')].find(
    (row) => row.booking_id === null || !ids.has(row.booking_id),
  );
  if (stray) return mismatch('a cancellation, refund or points given back for a booking this change does not cancel');
  if (cancelled.length === 0) return null;
  const zone = await d.facts.timeZone();
  const checkInTime = await d.facts.checkInTime();
  for (const { before, after } of cancelled) {
    const id = after.id;
    const what = `booking ${after.number}`;
    const reversals = await checkReversals(d, before);
    if (reversals) return mismatch(reversals);
    const refunds = payments.filter((p) => p.booking_id === id);
    const pointsPaid = await d.facts.paidFen(id, 'points');
    const pointsBack = sum(refunds.filter((p) => p.method === 'points'));
    if (pointsBack !== (pointsPaid > 0 ? -pointsPaid : 0))
      return mismatch(`${what}: gives ${-pointsBack} back to points, points paid ${pointsPaid}`);
    const terms = termsOf(before, free);
    if (!terms) return mismatch(`${what}: its cancellation terms are unreadable`);
    const paid = (await d.facts.paidFen(id)) + pointsBack;
    const charge = cancellationCharge(
      terms,
      bookingStay(
        { created_at: before.created_at, arrival: before.arrival, nights_json: before.nights_json },
        checkInTime,
      ),
      paid,
      new Date(d.mutation.at),
      zone,
    );
    const problem = checkRecord(
      what,
      records.filter((r) => r.booking_id === id),
      after,
      charge,
    );
    if (problem) return mismatch(problem);
    const refunded = -sum(refunds.filter((p) => p.method !== 'points'));
    if (refunded !== charge.refundFen)
      return mismatch(
        `${what}: refunds ${refunded}, paid ${paid} less the penalty ${charge.penaltyFen} is ${charge.refundFen}`,
      );
  }
  return null;
}

/** tickets.cancel, and a free cancellation in conflicts.resolve: the order's price was its payment; its slot's start is the arrival. */
export async function checkTicketCancellations(d: Derivation, free: boolean): Promise<Rejection | null> {
  const cancelled = moved(d, 'ticket_order', 'cancelled');
  const ids = new Set(cancelled.map(({ after }) => after.id));
  const records = d.rows.inserted('cancellation').filter((r) => r.ticket_order_id !== null);
  if (records.some((r) => r.ticket_order_id === null || !ids.has(r.ticket_order_id)))
    return mismatch('a cancellation of a ticket order this change does not cancel');
  if (cancelled.length === 0) return null;
  const zone = await d.facts.timeZone();
  for (const { before, after } of cancelled) {
    const what = `ticket order ${after.number}`;
    const slot = await d.facts.row('ticket_slot', before.slot_id);
    const terms = termsOf(before, free);
    if (!slot || !terms) return mismatch(`${what}: its slot or terms are not on the server`);
    const stay = ticketStay(
      { created_at: before.created_at, visit_date: before.visit_date, total_fen: before.total_fen },
      slot.start_time,
    );
    const charge = cancellationCharge(terms, stay, before.total_fen, new Date(d.mutation.at), zone);
    const problem = checkRecord(
      what,
      records.filter((r) => r.ticket_order_id === after.id),
      after,
      charge,
    );
    if (problem) return mismatch(problem);
  }
  return null;
}

/** nightAudit.roll: each booking made a no-show owes its terms' no-show penalty on what it paid, recorded once; any credit is left to refund by hand. */
export async function checkNoShows(d: Derivation): Promise<Rejection | null> {
  const noShows = moved(d, 'booking', 'no_show');
  const ids = new Set(noShows.map(({ after }) => after.id));
  const records = d.rows.inserted('cancellation');
  if (records.some((r) => r.booking_id === null || !ids.has(r.booking_id)))
    return mismatch('a no-show record for a booking this change does not make a no-show');
  const checkInTime = noShows.length ? await d.facts.checkInTime() : '';
  for (const { before, after } of noShows) {
    const what = `booking ${after.number}`;
    const terms = termsOf(before, false);
    if (!terms) return mismatch(`${what}: its cancellation terms are unreadable`);
    const stay = bookingStay(
      { created_at: before.created_at, arrival: before.arrival, nights_json: before.nights_json },
      checkInTime,
    );
    const charge = noShowCharge(terms, stay, await d.facts.paidFen(after.id));
    const problem = checkRecord(
      what,
      records.filter((r) => r.booking_id === after.id),
      after,
      charge,
    );
    if (problem) return mismatch(problem);
  }
  return null;
}

/** cancellations.waive: the input's lower penalty on the cancellation and its subject's total; what the guest paid beyond it refunded (the approval it needs is the approvals module's). */
export async function checkWaiver(d: Derivation): Promise<Rejection | null> {
  const penaltyFen = inputOf(d.mutation).penaltyFen;
  const changed = d.rows.updated('cancellation');
  if (changed.length !== 1 || typeof penaltyFen !== 'number' || !Number.isInteger(penaltyFen) || penaltyFen < 0)
    return mismatch('a waiver lowers one cancellation to an amount');
  const { before, after } = changed[0]!;
  const what = `cancellation ${before.number}`;
  if (penaltyFen >= before.penalty_fen)
    return mismatch(`${what}: penalty ${before.penalty_fen} is not lowered to ${penaltyFen}`);
  const bookingId = before.booking_id === null ? null : before.booking_id;
  const subjectTable = bookingId === null ? 'ticket_order' : 'booking';
  const subjectId = bookingId ?? before.ticket_order_id;
  const otherTable = bookingId === null ? 'booking' : 'ticket_order';
  const subjects = d.rows.updated(subjectTable);
  if (d.rows.touches(otherTable) || subjects.length !== 1 || subjects[0]!.after.id !== subjectId)
    return mismatch(`${what}: changes another booking or order than its own`);
  if (subjects[0]!.after.total_fen !== penaltyFen)
    return mismatch(`${what}: total ${subjects[0]!.after.total_fen} after the waiver, the penalty is ${penaltyFen}`);

  const paid = bookingId === null ? null : await d.facts.paidFen(bookingId);
  const waiver = waivedCharge(
    { penaltyFen: before.penalty_fen, refundFen: before.refund_fen, waivedFen: before.waived_fen },
    penaltyFen,
    paid,
  );
  if (
    after.penalty_fen !== waiver.penaltyFen ||
    after.waived_fen !== waiver.waivedFen ||
    after.refund_fen !== waiver.refundFen
  ) {
    return mismatch(
      `${what}: penalty/waived/refund ${after.penalty_fen}/${after.waived_fen}/${after.refund_fen}, the server makes them ${waiver.penaltyFen}/${waiver.waivedFen}/${waiver.refundFen}`,
    );
  }
  const payments = d.rows.inserted('payment');
  if (payments.some((p) => p.booking_id !== bookingId)) return mismatch(`${what}: a refund on another booking`);
  const refunded = -sum(payments);
  const owed = bookingId === null ? 0 : Math.max(0, waiver.refundNowFen);
  if (refunded !== owed)
    return mismatch(
      `${what}: refunds ${refunded} now, paid ${paid ?? 0} less the new penalty ${penaltyFen} is ${owed}`,
    );
  return null;
}

/** conflicts.resolve moves or upgrades a booking at its price: only a free cancellation changes what it costs. */
export function checkResolutionTotals(d: Derivation): Rejection | null {
  const repriced = d.rows
    .updated('booking')
    .find(({ before, after }) => after.status !== 'cancelled' && after.total_fen !== before.total_fen);
  return repriced ? mismatch(`booking ${repriced.after.number}: a resolution does not change its price`) : null;
}
