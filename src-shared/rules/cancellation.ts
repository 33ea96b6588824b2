/**
 * Cancellation penalties, exact to the second in the property's time zone (whatever the PC's
 * zone is, and across daylight-saving changes). A policy is snapshotted onto each booking when
 * it is made; this pure function reads that snapshot.
 *
 * - a grace period: free within N hours of making the booking;
 * - penalty tiers, each starting at a deadline before arrival (a local wall-clock time some days
 *   before, N hours before the arrival time, or N minutes before a ticket slot); the latest
 *   deadline already passed decides the penalty; before the first, cancellation is free;
 * - a no-show penalty; or the whole plan non-refundable.
 */
import { DateTime } from 'luxon';
import { fromJson, toJson, type Json } from '../json';
import type { NightPrice } from './pricing';

export type Penalty =
  | { kind: 'percent'; percent: number }
  | { kind: 'first_night' }
  | { kind: 'nights'; nights: number }
  | { kind: 'fixed'; amountFen: number }
  | { kind: 'none' };

export type Deadline =
  /** e.g. 18:00 local time, 1 day before arrival. */
  | { kind: 'local_time'; daysBefore: number; time: string }
  /** e.g. 48 hours before the arrival time (check-in time on the arrival date, or the ticket slot). */
  | { kind: 'hours_before'; hours: number }
  | { kind: 'minutes_before'; minutes: number };

export interface PenaltyTier {
  from: Deadline;
  penalty: Penalty;
}

export interface CancellationPolicy {
  graceHours: number | null;
  tiers: PenaltyTier[];
  noShow: Penalty;
  nonRefundable: boolean;
}

export interface CancellableStay {
  createdAt: string;
  /** Local date of arrival (or of the visit). */
  arrival: string;
  /** Local wall-clock time the stay starts: the property's check-in time, or the ticket slot's start. */
  startTime: string;
  nightPricesFen: number[];
}

export const CANCELLATION_RULES = ['grace', 'before_deadline', 'tier', 'non_refundable', 'no_show'] as const;
export type CancellationRule = (typeof CANCELLATION_RULES)[number];

export interface CancellationCharge {
  penaltyFen: number;
  refundFen: number;
  rule: CancellationRule;
  /** Index of the tier that applied, for rule 'tier'. */
  tier: number | null;
  /** Until when (UTC instant) cancelling costs nothing; null when it never is free. */
  freeUntil: string | null;
}

export const FREE_POLICY: CancellationPolicy = {
  graceHours: null,
  tiers: [],
  noShow: { kind: 'none' },
  nonRefundable: false,
};

/** The property's check-in time when its `checkInTime` setting is not set. */
export const DEFAULT_CHECK_IN_TIME = '14:00';

/** A policy as stored (JSON on plans, products, bookings and orders); rows made before policies existed cancel for free. */
export function readPolicy(json: Json<CancellationPolicy> | null): CancellationPolicy {
  return json ? fromJson(json) : FREE_POLICY;
}

export function writePolicy(policy: CancellationPolicy): Json<CancellationPolicy> {
  return toJson(policy);
}

/** A booking as its cancellation terms see it: made at, arriving on, priced per night (its stored `nights_json`). */
export interface BookingTerms {
  created_at: string;
  arrival: string;
  nights_json: Json<NightPrice[]>;
}

/** The stay a booking's terms are applied to, starting at the property's check-in time. */
export function bookingStay(booking: BookingTerms, checkInTime: string): CancellableStay {
  return {
    createdAt: booking.created_at,
    arrival: booking.arrival,
    startTime: checkInTime,
    nightPricesFen: fromJson(booking.nights_json).map((n) => n.priceFen),
  };
}

function startInstant(stay: CancellableStay, zone: string): DateTime {
  return DateTime.fromISO(`${stay.arrival}T${stay.startTime}`, { zone });
}

/** The UTC instant a deadline falls on for a stay. */
export function deadlineInstant(deadline: Deadline, stay: CancellableStay, zone: string): DateTime {
  const start = startInstant(stay, zone);
  switch (deadline.kind) {
    case 'local_time': {
      const [hour, minute] = deadline.time.split(':').map(Number);
      return DateTime.fromISO(stay.arrival, { zone })
        .minus({ days: deadline.daysBefore })
        .set({ hour, minute, second: 0, millisecond: 0 });
    }
    case 'hours_before':
      return start.minus({ hours: deadline.hours });
    case 'minutes_before':
      return start.minus({ minutes: deadline.minutes });
  }
}

export function penaltyAmount(penalty: Penalty, nightPricesFen: readonly number[]): number {
  const total = nightPricesFen.reduce((sum, fen) => sum + fen, 0);
  const amount = (() => {
    switch (penalty.kind) {
      case 'percent':
        return Math.round((total * penalty.percent) / 100);
      case 'first_night':
        return nightPricesFen[0] ?? 0;
      case 'nights':
        return nightPricesFen.slice(0, penalty.nights).reduce((sum, fen) => sum + fen, 0);
      case 'fixed':
        return penalty.amountFen;
      case 'none':
        return 0;
    }
  })();
  return Math.min(total, Math.max(0, amount));
}

function charge(
  penaltyFen: number,
  paidFen: number,
  rule: CancellationRule,
  tier: number | null,
  freeUntil: string | null,
): CancellationCharge {
  return { penaltyFen, refundFen: Math.max(0, paidFen - penaltyFen), rule, tier, freeUntil };
}

/** Until when cancelling is free: the later of the grace period's end and the first tier's deadline (or the arrival day's end). */
export function freeUntil(policy: CancellationPolicy, stay: CancellableStay, zone: string): string | null {
  const grace = policy.graceHours !== null ? DateTime.fromISO(stay.createdAt).plus({ hours: policy.graceHours }) : null;
  if (policy.nonRefundable) return grace?.toUTC().toISO() ?? null;
  const deadlines = policy.tiers
    .map((t) => deadlineInstant(t.from, stay, zone))
    .sort((a, b) => a.toMillis() - b.toMillis());
  // Without tiers nothing is ever charged for cancelling; the night audit ends the arrival day.
  const first = deadlines[0] ?? DateTime.fromISO(stay.arrival, { zone }).plus({ days: 1 }).startOf('day');
  const free = grace && grace > first ? grace : first;
  return free.toUTC().toISO();
}

/** The penalty and refund of cancelling at `at` (a UTC instant), and the rule that decided. */
export function cancellationCharge(
  policy: CancellationPolicy,
  stay: CancellableStay,
  paidFen: number,
  at: Date,
  zone: string,
): CancellationCharge {
  const now = DateTime.fromJSDate(at);
  const until = freeUntil(policy, stay, zone);
  const grace = policy.graceHours !== null ? DateTime.fromISO(stay.createdAt).plus({ hours: policy.graceHours }) : null;
  if (grace && now < grace) return charge(0, paidFen, 'grace', null, until);
  const total = penaltyAmount({ kind: 'percent', percent: 100 }, stay.nightPricesFen);
  if (policy.nonRefundable) return charge(total, paidFen, 'non_refundable', null, until);
  let applied: { index: number; at: DateTime } | null = null;
  policy.tiers.forEach((tier, index) => {
    const from = deadlineInstant(tier.from, stay, zone);
    if (now >= from && (!applied || from > applied.at)) applied = { index, at: from };
  });
  if (!applied) return charge(0, paidFen, 'before_deadline', null, until);
  const { index } = applied as { index: number; at: DateTime };
  return charge(penaltyAmount(policy.tiers[index]!.penalty, stay.nightPricesFen), paidFen, 'tier', index, until);
}

/** A ticket order as its terms see it: the visit starts at its slot, and the order's price is the one "night". */
export function ticketStay(
  order: { created_at: string; visit_date: string; total_fen: number },
  slotStart: string,
): CancellableStay {
  return {
    createdAt: order.created_at,
    arrival: order.visit_date,
    startTime: slotStart,
    nightPricesFen: [order.total_fen],
  };
}

/**
 * A penalty waived or lowered after cancelling. For a booking (`paidFen` known) whatever the guest
 * has paid beyond the new penalty is refunded now, on top of what the cancellation refunded; for a
 * ticket order (`paidFen` null: the order's price was its payment) the amount waived is refunded.
 */
export function waivedCharge(
  before: { penaltyFen: number; refundFen: number; waivedFen: number },
  penaltyFen: number,
  paidFen: number | null,
): { penaltyFen: number; waivedFen: number; refundFen: number; refundNowFen: number } {
  const waived = before.penaltyFen - penaltyFen;
  const refundNowFen = paidFen === null ? waived : paidFen - penaltyFen;
  return {
    penaltyFen,
    waivedFen: before.waivedFen + waived,
    refundFen: before.refundFen + Math.max(0, refundNowFen),
    refundNowFen,
  };
}

/** What a no-show is charged at the night audit. */
export function noShowCharge(policy: CancellationPolicy, stay: CancellableStay, paidFen: number): CancellationCharge {
  const penalty = policy.nonRefundable
    ? penaltyAmount({ kind: 'percent', percent: 100 }, stay.nightPricesFen)
    : penaltyAmount(policy.noShow, stay.nightPricesFen);
  return charge(penalty, paidFen, 'no_show', null, null);
}
