/**
 * What a serial history of the desks' actions would leave, stated as checks on the rows a desk or
 * the server holds (free of any test runner): every booking, cancellation, payment and points entry
 * must be one that some order of the agents' actions could have produced, or an open work item
 * must say why not. `violations` reads rows only, so the same checks run on a desk's database and
 * on the server's copy of the property.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../src-server';
import type { BookingStatus } from '@shared/rules/booking-status';
import { holdsRoom, staysOverlap } from '@shared/rules/room-holds';
import { stayNights } from '@shared/rules/stay';
import type { Database } from '../../src-main/db/schema';

type Row = Record<string, unknown>;

/** The tables the checks read, as rows (desk columns, the same on the server). */
export interface Holdings {
  booking: Row[];
  booking_night: Row[];
  payment: Row[];
  cancellation: Row[];
  points_entry: Row[];
  sync_conflict: Row[];
}

const TABLES = [
  'booking',
  'booking_night',
  'payment',
  'cancellation',
  'points_entry',
  'sync_conflict',
] as const satisfies readonly (keyof Holdings)[];

export async function deskHoldings(db: Kysely<Database>): Promise<Holdings> {
  const read = async (table: keyof Holdings) => (await db.selectFrom(table).selectAll().execute()) as Row[];
  return {
    booking: await read('booking'),
    booking_night: await read('booking_night'),
    payment: await read('payment'),
    cancellation: await read('cancellation'),
    points_entry: await read('points_entry'),
    sync_conflict: await read('sync_conflict'),
  };
}

/** The server's live rows of the property. */
export async function serverHoldings(server: ServerDatabase, propertyId: string): Promise<Holdings> {
  const rows = await server.db
    .selectFrom('sync_row')
    .select(['table_name', 'data'])
    .where('property_id', '=', propertyId)
    .where('table_name', 'in', [...TABLES])
    .where('deleted', '=', 0)
    .execute();
  const held: Holdings = {
    booking: [],
    booking_night: [],
    payment: [],
    cancellation: [],
    points_entry: [],
    sync_conflict: [],
  };
  for (const row of rows) held[row.table_name as keyof Holdings].push(JSON.parse(String(row.data)) as Row);
  return held;
}

const num = (value: unknown): number => Number(value);
const sum = (rows: readonly Row[], pick: (row: Row) => number): number =>
  rows.reduce((total, row) => total + pick(row), 0);

/** Open rebase_refused work items, by the booking, order or member they name. */
function openWorkItems(held: Holdings): Set<string> {
  return new Set(
    held.sync_conflict
      .filter((c) => c.status === 'open' && c.kind === 'rebase_refused')
      .map((c) => String(c.subject_id)),
  );
}

/**
 * A cancelled booking: holds no nights, has exactly one cancellation, its total is the penalty,
 * and its money adds up — points paid all given back, and the cash refunded is what was paid
 * beyond the penalty (min(paid, penalty) + refund = paid: payments equal penalty plus refunds when
 * the guest paid at least the penalty) — unless an open work item names the booking. A confirmed
 * booking holds exactly the nights of its stay in its room type and has no cancellation.
 */
function bookingViolations(held: Holdings, excused: Set<string>): string[] {
  const out: string[] = [];
  for (const booking of held.booking) {
    const id = String(booking.id);
    const label = `booking ${String(booking.number)} (${String(booking.status)})`;
    const nights = held.booking_night.filter((n) => n.booking_id === id);
    const cancellations = held.cancellation.filter((c) => c.booking_id === id);
    const payments = held.payment.filter((p) => p.booking_id === id);
    if (booking.status === 'confirmed') {
      const stay = stayNights(String(booking.arrival), String(booking.departure));
      const heldNights = nights.map((n) => `${String(n.night)}/${String(n.room_type_id)}`).sort();
      const expected = stay.map((night) => `${night}/${String(booking.room_type_id)}`);
      if (heldNights.join() !== expected.join())
        out.push(`${label}: holds nights [${heldNights.join(', ')}], its stay is [${expected.join(', ')}]`);
      if (cancellations.length > 0) out.push(`${label}: has ${cancellations.length} cancellation(s)`);
      continue;
    }
    if (booking.status !== 'cancelled') continue;
    if (nights.length > 0)
      out.push(`${label}: still holds ${nights.length} night(s): ${nights.map((n) => String(n.night)).join(', ')}`);
    if (cancellations.length !== 1) {
      out.push(
        `${label}: has ${cancellations.length} cancellations (${cancellations.map((c) => String(c.number)).join(', ')})`,
      );
      continue;
    }
    const cancellation = cancellations[0]!;
    const penalty = num(cancellation.penalty_fen);
    if (num(booking.total_fen) !== penalty)
      out.push(`${label}: total ${num(booking.total_fen)}, its cancellation's penalty ${penalty}`);
    if (excused.has(id)) continue;
    const isPoints = (p: Row) => p.method === 'points';
    const paidCash = sum(
      payments.filter((p) => p.kind !== 'refund' && !isPoints(p)),
      (p) => num(p.amount_fen),
    );
    const paidPoints = sum(
      payments.filter((p) => p.kind !== 'refund' && isPoints(p)),
      (p) => num(p.amount_fen),
    );
    const refundedCash = -sum(
      payments.filter((p) => p.kind === 'refund' && !isPoints(p)),
      (p) => num(p.amount_fen),
    );
    const refundedPoints = -sum(
      payments.filter((p) => p.kind === 'refund' && isPoints(p)),
      (p) => num(p.amount_fen),
    );
    const due = Math.max(0, paidCash - penalty);
    if (refundedPoints !== paidPoints)
      out.push(`${label}: ${paidPoints} paid in points, ${refundedPoints} given back, and no open work item`);
    if (num(cancellation.refund_fen) !== due || refundedCash !== due) {
      out.push(
        `${label}: paid ${paidCash}, penalty ${penalty}, so ${due} is due back; the cancellation says ${num(cancellation.refund_fen)} and ${refundedCash} was refunded, and no open work item`,
      );
    }
  }
  return out;
}

/**
 * The ledger (src-shared/rules/points.ts: earn and positive adjustments add, redemptions and
 * expiries take away, a reversal gives one redemption back). Points come from nothing exactly when
 * a reversal gives back what was never taken: so every reversal must give back exactly the points
 * of one redemption of the same member that the server posted, and no redemption is given back
 * twice. Then each member's posted balance (the sum of posted entries) is the earned and adjusted
 * points less expiries less the posted redemptions not given back — never more than was credited.
 * A balance below zero is an overdraft the server must have raised as a conflict.
 */
function pointsViolations(held: Holdings): string[] {
  const out: string[] = [];
  const byId = new Map(held.points_entry.map((e) => [String(e.id), e]));
  const reversals = new Map<string, number>();
  for (const entry of held.points_entry.filter((e) => e.kind === 'reverse' && e.status !== 'void')) {
    const target = byId.get(String(entry.reverses_id));
    const what = `reversal ${String(entry.id)} (+${num(entry.points)})`;
    reversals.set(String(entry.reverses_id), (reversals.get(String(entry.reverses_id)) ?? 0) + 1);
    if (!target) out.push(`${what}: gives back redemption ${String(entry.reverses_id)}, which no ledger holds`);
    else if (target.kind !== 'redeem' || target.member_id !== entry.member_id)
      out.push(`${what}: gives back a ${String(target.kind)} entry of member ${String(target.member_id)}`);
    else if (target.status !== 'posted')
      out.push(
        `${what}: points from nothing — gives back redemption ${String(target.id)}, which is ${String(target.status)} (never posted)`,
      );
    else if (num(entry.points) !== -num(target.points))
      out.push(`${what}: gives back ${num(entry.points)} of a redemption of ${-num(target.points)}`);
  }
  for (const [target, count] of reversals) if (count > 1) out.push(`redemption ${target}: given back ${count} times`);
  const members = new Set(held.points_entry.map((e) => String(e.member_id)));
  const overdrawn = new Set(
    held.sync_conflict
      .filter((c) => c.kind === 'points_balance' && c.status === 'open')
      .map((c) => String(c.subject_id)),
  );
  for (const member of members) {
    const posted = held.points_entry.filter((e) => e.member_id === member && e.status === 'posted');
    const balance = sum(posted, (e) => num(e.points));
    const credited = sum(
      posted.filter((e) => e.kind === 'earn' || (e.kind === 'adjust' && num(e.points) > 0)),
      (e) => num(e.points),
    );
    if (balance > credited)
      out.push(`member ${member}: posted balance ${balance}, more than the ${credited} points ever credited`);
    if (balance < 0 && !overdrawn.has(member))
      out.push(`member ${member}: posted balance ${balance} with no open overdraft conflict`);
  }
  return out;
}

/** Nights, payments, cancellations and points entries of a booking that is not there (made under an id no booking kept). */
function orphanViolations(held: Holdings): string[] {
  const bookings = new Set(held.booking.map((b) => String(b.id)));
  const out: string[] = [];
  for (const table of ['booking_night', 'payment', 'cancellation', 'points_entry'] as const) {
    for (const row of held[table]) {
      if (row.booking_id != null && !bookings.has(String(row.booking_id)))
        out.push(`${table} ${String(row.id ?? row.night)}: of booking ${String(row.booking_id)}, which is not there`);
    }
  }
  return out;
}

/**
 * A room is held by one live stay a night: no two bookings that are confirmed or in house and were
 * given the same room (before arrival or at check-in) share a night (src-shared/rules/room-holds.ts).
 * No work item excuses it: the room is an aggregate root, so the later claim must have been refused.
 */
function roomViolations(held: Holdings): string[] {
  const out: string[] = [];
  const stay = (b: Row) => ({ arrival: String(b.arrival), departure: String(b.departure) });
  const label = (b: Row) =>
    `booking ${String(b.number)} (${String(b.status)}, ${String(b.arrival)}…${String(b.departure)})`;
  const holding = held.booking.filter((b) =>
    holdsRoom({ roomId: b.room_id == null ? null : String(b.room_id), status: String(b.status) as BookingStatus }),
  );
  for (const [i, first] of holding.entries()) {
    for (const second of holding.slice(i + 1)) {
      if (first.room_id === second.room_id && staysOverlap(stay(first), stay(second)))
        out.push(`room ${String(first.room_id)}: held by ${label(first)} and ${label(second)} on a night of both`);
    }
  }
  return out;
}

/** Every way the rows fall short of a serial history; empty when they are valid. */
export function violations(held: Holdings): string[] {
  return [
    ...bookingViolations(held, openWorkItems(held)),
    ...orphanViolations(held),
    ...pointsViolations(held),
    ...roomViolations(held),
  ];
}

/** What every desk of a property must hold alike once it has synced: the shared tables, rows in key order. */
export async function sharedRows(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['guest', 'member', 'booking_change', ...TABLES] as const) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Row[];
    const key = (row: Row) =>
      row.id !== undefined ? String(row.id) : `${String(row.booking_id)}|${String(row.night)}`;
    out[table] = rows.sort((x, y) => key(x).localeCompare(key(y)));
  }
  return out;
}
