/**
 * The lodging industry's key figures, as USALI (Uniform System of Accounts for the Lodging
 * Industry) and STR define them, and the periods a manager's flash compares. Pure: the reports
 * count rooms, nights and money from the desk's database and hand the counts here.
 *
 * - Rooms available: the room-nights the property could sell — for each night of the period, the
 *   rooms on the books that night, less the rooms out of order. In this app a room is out of order
 *   when its housekeeping status is `out_of_order` (set on the housekeeping board; the same rooms
 *   the inventory refuses to sell). The app keeps that status as the room's current state only,
 *   with no dated out-of-order spells, so a report excludes the rooms out of order when it is
 *   computed from every night of its period. A room is on the books from the local date it was
 *   entered until the date it was removed.
 * - Rooms sold: the room-nights of stays honoured — nights of bookings checked in or checked out
 *   (a complimentary room at price 0 is still a room sold). Nights of bookings not yet arrived,
 *   cancelled or no-shows are not rooms sold.
 * - Room revenue: the nightly room charges of those nights, excluding cancellation and no-show
 *   penalties (reported with the cancellations), taxes and anything else on the folio.
 * - Occupancy = rooms sold ÷ rooms available.
 * - ADR (average daily rate) = room revenue ÷ rooms sold.
 * - RevPAR (revenue per available room) = room revenue ÷ rooms available (= occupancy × ADR).
 * - Booking success rate: the desk does not record a refused booking attempt (a sold-out or closed
 *   date is refused before anything is written), so the rate is taken over what is recorded: of
 *   the room bookings due to arrive in the period that have reached an outcome, the share that
 *   became a stay — honoured (checked in) ÷ (honoured + cancelled + no-shows). Bookings still
 *   awaiting their guest count on neither side.
 * Each ratio is null when there is nothing to divide by.
 */
import { addDays } from './stay';

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Rooms sold ÷ rooms available, as a fraction (0.75). */
export function occupancy(roomsSold: number, roomsAvailable: number): number | null {
  return ratio(roomsSold, roomsAvailable);
}

/** Room revenue ÷ rooms sold, in fen (not rounded). */
export function averageDailyRate(roomRevenueFen: number, roomsSold: number): number | null {
  return ratio(roomRevenueFen, roomsSold);
}

/** Room revenue ÷ rooms available, in fen (not rounded). */
export function revPar(roomRevenueFen: number, roomsAvailable: number): number | null {
  return ratio(roomRevenueFen, roomsAvailable);
}

/** The room bookings due to arrive in a period, by outcome. */
export interface BookingOutcomes {
  /** Checked in (still in house or checked out). */
  honoured: number;
  cancelled: number;
  noShows: number;
}

/** Honoured ÷ (honoured + cancelled + no-shows). */
export function bookingSuccessRate({ honoured, cancelled, noShows }: BookingOutcomes): number | null {
  return ratio(honoured, honoured + cancelled + noShows);
}

/** A room as the count of rooms available sees it. */
export interface RoomOnBooks {
  /** The local date it was entered. */
  enteredOn: string;
  /** The local date it was removed; null while it is on the books. */
  removedOn: string | null;
  outOfOrder: boolean;
}

/** Room-nights available over the nights `from` … `to`, both included. */
export function roomsAvailable(rooms: readonly RoomOnBooks[], from: string, to: string): number {
  let total = 0;
  for (const room of rooms) {
    if (room.outOfOrder) continue;
    const first = room.enteredOn > from ? room.enteredOn : from;
    const lastExclusive = room.removedOn !== null && room.removedOn <= to ? room.removedOn : addDays(to, 1);
    total += Math.max(0, nightsBetween(first, lastExclusive));
  }
  return total;
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function nightsBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Local dates, both included. */
export interface DateSpan {
  from: string;
  to: string;
}

/**
 * The flash's periods for a business date: the day, month to date and year to date, and the same
 * spans a year earlier — the same calendar date (29 February becomes 28 February), its month and
 * year to that date.
 */
export function flashPeriods(
  date: string,
): Record<'day' | 'monthToDate' | 'yearToDate', { current: DateSpan; lastYear: DateSpan }> {
  const lastYear = sameDateLastYear(date);
  const span = (d: string) => ({
    day: { from: d, to: d },
    monthToDate: { from: `${d.slice(0, 7)}-01`, to: d },
    yearToDate: { from: `${d.slice(0, 4)}-01-01`, to: d },
  });
  const now = span(date);
  const before = span(lastYear);
  return {
    day: { current: now.day, lastYear: before.day },
    monthToDate: { current: now.monthToDate, lastYear: before.monthToDate },
    yearToDate: { current: now.yearToDate, lastYear: before.yearToDate },
  };
}

export function sameDateLastYear(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const candidate = `${year}${date.slice(4)}`;
  // 29 February of a leap year has no twin: the last day of February stands in.
  return date.slice(5) === '02-29' ? `${year}-02-28` : candidate;
}
