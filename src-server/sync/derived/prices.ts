/**
 * Prices and totals of what desks sell, worked out with the desk's own pure rules from the
 * server's rows: a booking's nights from its rate plan's prices for its room type (or the base
 * rate) when it is made or changed, the nights an approved override sets, the nights kept when a
 * stay is cut short at check-out, and a ticket sale at the product's price per visitor. A price
 * source the desk could not have known yet excuses a different price (offline-prices.ts); a sum
 * that does not add up, or nights that are not the stay's, never.
 */
import { isDeepStrictEqual } from 'node:util';
import { FREE_POLICY, readPolicy, type CancellationPolicy } from '@shared/rules/cancellation';
import {
  coveringPrice,
  priceBreakdown,
  ratePricesFromRows,
  type NightPrice,
  type RatePrice,
} from '@shared/rules/pricing';
import { stayNights } from '@shared/rules/stay';
import { rowKey } from '@shared/sync/tables';
import type { Rejection } from '../authority';
import type { RowIn } from '../rows';
import { inputOf, mismatch, type Derivation, type Versioned } from './facts';
import { planChange, staleFor } from './offline-prices';

/** A stay priced by the server: its nights, the plan's terms, and which prices the desk may not have known yet. */
interface Quote {
  nights: NightPrice[];
  policy: CancellationPolicy;
  /** Whether the plan's pricing changed after the desk was last in touch. */
  planStale(): Promise<boolean>;
  /** Whether a night's price may honestly differ (its source changed after the desk was last in touch). */
  excused(night: string): Promise<boolean>;
}

export function parseNights(json: string): NightPrice[] | null {
  try {
    const nights: unknown = JSON.parse(json);
    if (!Array.isArray(nights)) return null;
    const valid = nights.every(
      (n: unknown) =>
        n !== null &&
        typeof n === 'object' &&
        typeof (n as NightPrice).night === 'string' &&
        Number.isInteger((n as NightPrice).priceFen),
    );
    return valid ? (nights as NightPrice[]) : null;
  } catch {
    return null;
  }
}

function policyOf(json: string | null): CancellationPolicy | null {
  try {
    return readPolicy(json);
  } catch {
    return null;
  }
}

const once = <T>(compute: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | null = null;
  return () => (value ??= compute());
};

async function quoteStay(
  d: Derivation,
  roomTypeId: string,
  ratePlanId: string | null,
  arrival: string,
  departure: string,
): Promise<Quote | string> {
  const roomType = await d.facts.versioned('room_type', roomTypeId);
  if (!roomType || roomType.row.deleted_at != null) return `room type ${roomTypeId} is not on the server`;
  let plan: Versioned<'rate_plan'> | null = null;
  let planPrices: Versioned<'rate_plan_price'>[] = [];
  let prices: RatePrice[] = [];
  if (ratePlanId !== null) {
    plan = await d.facts.versioned('rate_plan', ratePlanId);
    if (!plan || plan.row.deleted_at != null) return `rate plan ${ratePlanId} is not on the server`;
    planPrices = await d.facts.mentioning('rate_plan_price', 'rate_plan_id', ratePlanId);
    prices = ratePricesFromRows(planPrices.filter(({ row }) => row.room_type_id === roomTypeId).map(({ row }) => row));
  }
  const { nights } = priceBreakdown(prices, roomType.row.base_rate_fen, arrival, departure);
  const planStale = once(async () => plan !== null && staleFor(d.facts, d.deviceId, planChange(plan, planPrices)));
  const typeStale = once(() => staleFor(d.facts, d.deviceId, roomType));
  return {
    nights,
    policy: plan ? (policyOf(plan.row.cancellation_policy_json) ?? FREE_POLICY) : FREE_POLICY,
    planStale,
    // A plan edited since may have priced any night otherwise; a changed base rate only decides the nights no price covers.
    excused: async (night) =>
      (await planStale()) || (coveringPrice(prices, night) === undefined && (await typeStale())),
  };
}

const span = (nights: readonly { night: string }[]): string =>
  nights.length ? `${nights[0]!.night}…${nights.at(-1)!.night} (${nights.length})` : 'none';

/** The booking's nights and total against the quote: the same nights, each at the quoted (or an excused) price, adding up to the total. */
async function checkNights(what: string, booking: RowIn<'booking'>, quote: Quote): Promise<string | null> {
  const claimed = parseNights(booking.nights_json);
  if (!claimed) return `${what}: nights unreadable`;
  if (claimed.map((n) => n.night).join() !== quote.nights.map((n) => n.night).join())
    return `${what}: priced nights ${span(claimed)}, the stay has ${span(quote.nights)}`;
  const sum = claimed.reduce((total, n) => total + n.priceFen, 0);
  if (sum !== booking.total_fen) return `${what}: total ${booking.total_fen}, its nights add up to ${sum}`;
  for (const [i, night] of claimed.entries()) {
    const expected = quote.nights[i]!.priceFen;
    if (night.priceFen !== expected && !(await quote.excused(night.night)))
      return `${what}: night ${night.night} at ${night.priceFen}, the rate gives ${expected}`;
  }
  return null;
}

/** The booking's own terms: the plan's as they are (or were, for a desk that could not know the change); a grace period counted from no later than the sale. */
async function checkTerms(what: string, booking: RowIn<'booking'>, quote: Quote, at: string): Promise<string | null> {
  const terms = policyOf(booking.cancellation_policy_json);
  if (!terms) return `${what}: cancellation terms unreadable`;
  if (!isDeepStrictEqual(terms, quote.policy) && !(await quote.planStale()))
    return `${what}: cancellation terms are not the rate plan's`;
  if (terms.graceHours !== null && Date.parse(booking.created_at) > Date.parse(at))
    return `${what}: made at ${booking.created_at}, after it was sent (${at})`;
  return null;
}

/** After the mutation, the booking holds exactly the nights of its stay, of its room type. */
async function checkHeldNights(
  d: Derivation,
  what: string,
  booking: RowIn<'booking'>,
  before: RowIn<'booking'> | null,
): Promise<string | null> {
  const id = booking.id;
  const stay = stayNights(booking.arrival, booking.departure);
  const keys = new Set(
    [...stay, ...(before ? stayNights(before.arrival, before.departure) : [])].map((night) =>
      rowKey('booking_night', { booking_id: id, night }),
    ),
  );
  const held = before ? await d.facts.rows('booking_night', [...keys]) : new Map<string, RowIn<'booking_night'>>();
  for (const key of d.rows.deleted('booking_night')) held.delete(key);
  for (const [key, row] of d.rows.written('booking_night')) if (row.booking_id === id) held.set(key, row);
  const nights = [...held.values()].filter((row) => row.booking_id === id);
  const heldNights = nights.map((row) => row.night).sort();
  if (heldNights.join() !== stay.join())
    return `${what}: holds nights ${span(heldNights.map((night) => ({ night })))}, the stay is ${span(stay.map((night) => ({ night })))}`;
  if (nights.some((row) => row.room_type_id !== booking.room_type_id))
    return `${what}: holds nights of another room type`;
  return null;
}

async function checkQuoted(
  d: Derivation,
  booking: RowIn<'booking'>,
  before: RowIn<'booking'> | null,
): Promise<Rejection | null> {
  const what = `booking ${booking.number}`;
  const ratePlanId = booking.rate_plan_id === null || booking.rate_plan_id === undefined ? null : booking.rate_plan_id;
  const quote = await quoteStay(d, booking.room_type_id, ratePlanId, booking.arrival, booking.departure);
  if (typeof quote === 'string') return mismatch(`${what}: ${quote}`);
  const problem =
    (await checkNights(what, booking, quote)) ??
    (before === null ? await checkTerms(what, booking, quote, d.mutation.at) : null) ??
    (await checkHeldNights(d, what, booking, before));
  return problem === null ? null : mismatch(problem);
}

/** bookings.create / bookings.overbook: each new booking priced by its plan, with the plan's terms and exactly its nights. */
export async function checkNewBookings(d: Derivation): Promise<Rejection | null> {
  for (const booking of d.rows.inserted('booking')) {
    const rejection = await checkQuoted(d, booking, null);
    if (rejection) return rejection;
  }
  return null;
}

/** bookings.change: the booking priced again for its new stay, room type and plan, as the desk re-quotes it. */
export async function checkChangedBookings(d: Derivation): Promise<Rejection | null> {
  for (const { before, after } of d.rows.updated('booking')) {
    const rejection = await checkQuoted(d, after, before);
    if (rejection) return rejection;
  }
  return null;
}

/** bookings.overridePrice: every night of the stay at the input's nightly price (the approval it needs is the approvals module's). */
export function checkOverride(d: Derivation): Rejection | null {
  const nightlyFen = inputOf(d.mutation).nightlyFen;
  if (typeof nightlyFen !== 'number' || !Number.isInteger(nightlyFen) || nightlyFen < 0)
    return mismatch('nightlyFen is not an amount');
  for (const { before, after } of d.rows.updated('booking')) {
    const what = `booking ${after.number}`;
    const stay = parseNights(before.nights_json) ?? [];
    const expected = stay.map((n) => ({ night: n.night, priceFen: nightlyFen }));
    const claimed = parseNights(after.nights_json);
    if (!claimed || !isDeepStrictEqual(claimed, expected))
      return mismatch(`${what}: nights are not ${span(stay)} at ${nightlyFen}`);
    if (after.total_fen !== nightlyFen * expected.length)
      return mismatch(
        `${what}: total ${after.total_fen}, ${expected.length} nights at ${nightlyFen} make ${nightlyFen * expected.length}`,
      );
  }
  return null;
}

/** frontDesk.checkOut: a stay ends on its departure or earlier (a night at least); it keeps the nights slept at their prices, and its total is theirs. */
export function checkCheckOutStay(d: Derivation): Rejection | null {
  for (const { before, after } of d.rows.updated('booking')) {
    const what = `booking ${after.number}`;
    const departure = after.departure;
    if (departure <= before.arrival || departure > before.departure)
      return mismatch(`${what}: departs ${departure}, outside its stay`);
    const kept = (parseNights(before.nights_json) ?? []).filter((n) => n.night < departure);
    const claimed = parseNights(after.nights_json);
    if (!claimed || !isDeepStrictEqual(claimed, kept))
      return mismatch(`${what}: nights are not the ${kept.length} slept at their prices`);
    const total = kept.reduce((sum, n) => sum + n.priceFen, 0);
    if (after.total_fen !== total) return mismatch(`${what}: total ${after.total_fen}, the nights slept make ${total}`);
  }
  return null;
}

/** tickets.sell: the product's price for each visitor, with the product's terms (or, from a desk that could not know a change, its earlier price and terms). */
export async function checkTicketSales(d: Derivation): Promise<Rejection | null> {
  for (const order of d.rows.inserted('ticket_order')) {
    const what = `ticket order ${order.number}`;
    const product = await d.facts.versioned('ticket_product', order.product_id);
    if (!product || product.row.deleted_at != null) return mismatch(`${what}: product not on the server`);
    const visitors = d.rows.inserted('ticket_visitor').filter((v) => v.order_id === order.id).length;
    const total = order.total_fen;
    const expected = product.row.price_fen * visitors;
    const stale = once(() => staleFor(d.facts, d.deviceId, product));
    if (visitors === 0 || total % visitors !== 0) return mismatch(`${what}: total ${total} for ${visitors} visitors`);
    if (total !== expected && !(await stale()))
      return mismatch(`${what}: total ${total}, ${visitors} visitors at ${product.row.price_fen} make ${expected}`);
    const terms = policyOf(order.cancellation_policy_json);
    if (!terms) return mismatch(`${what}: cancellation terms unreadable`);
    if (!isDeepStrictEqual(terms, policyOf(product.row.cancellation_policy_json) ?? FREE_POLICY) && !(await stale()))
      return mismatch(`${what}: cancellation terms are not the product's`);
    if (terms.graceHours !== null && Date.parse(order.created_at) > Date.parse(d.mutation.at))
      return mismatch(`${what}: made after it was sent`);
  }
  return null;
}
