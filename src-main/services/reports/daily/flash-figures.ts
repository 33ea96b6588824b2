/**
 * The manager's flash figures over any spans of local dates: rooms sold, room revenue, ticket
 * revenue and booking outcomes from three SQL aggregates, each one pass over the rows of the
 * spans' outer bounds that sums every span at once, and the rooms on the books the count of rooms
 * available reads. The daily flash asks for the day, month and year to date; the weekly report for
 * its week and each of its seven days. The ratios are src-shared/rules/hotel-kpis.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ReportValue } from '@shared/contract/reports';
import {
  averageDailyRate,
  bookingSuccessRate,
  occupancy,
  revPar,
  type DateSpan,
  type RoomOnBooks,
} from '@shared/rules/hotel-kpis';
import { localDateOf } from '@shared/time';
import type { Database } from '../../../db/schema';
import { count, money, moneyOrNone, rate } from '../values';

export interface SpanFigures {
  sold: number;
  roomRevenue: number;
  ticketRevenue: number;
  honoured: number;
  cancelled: number;
  noShows: number;
}

/**
 * The flash's figures over each span, keyed as given. Rooms sold: the nights of a stay honoured
 * that fall in the span (its dates, as booking_night holds them); room revenue: a stay wholly
 * inside the span brings its total (the sum of its nights, as every writer keeps it), one crossing
 * the span's edge its nights inside, each at its own price.
 */
export async function flashFiguresOver<K extends string>(
  db: Kysely<Database>,
  spans: Readonly<Record<K, DateSpan>>,
): Promise<Record<K, SpanFigures>> {
  const keys = Object.keys(spans) as K[];
  const list = keys.map((key) => spans[key]);
  // One read over the outer bounds of every span; each span's sums are its own columns (s0, s1, …).
  const outer = {
    from: list.reduce((min, s) => (s.from < min ? s.from : min), list[0]!.from),
    to: list.reduce((max, s) => (s.to > max ? s.to : max), list[0]!.to),
  };
  const nightsIn = ({ from, to }: DateSpan) =>
    sql<number>`max(0, min(julianday(booking.departure), julianday(${to}) + 1) - max(julianday(booking.arrival), julianday(${from})))`;
  const revenueIn = ({ from, to }: DateSpan) => sql<number>`case
      when booking.arrival >= ${from} and booking.departure <= date(${to}, '+1 day') then booking.total_fen
      when booking.arrival <= ${to} and booking.departure > ${from} then
        (select coalesce(sum(json_extract(j.value, '$.priceFen')), 0) from json_each(booking.nights_json) j
          where json_extract(j.value, '$.night') between ${from} and ${to})
      else 0 end`;
  const within = (column: string, { from, to }: DateSpan) => sql`${sql.ref(column)} between ${from} and ${to}`;
  const rooms = await db
    .selectFrom('booking')
    .select(
      list.flatMap((span, i) => [
        sql<number>`coalesce(sum(${nightsIn(span)}), 0)`.as(`s${i}_sold`),
        sql<number>`coalesce(sum(${revenueIn(span)}), 0)`.as(`s${i}_revenue`),
        // The stays honoured are these rows too: those due to arrive in the span.
        sql<number>`coalesce(sum(${within('booking.arrival', span)}), 0)`.as(`s${i}_honoured`),
      ]),
    )
    .where('booking.departure', '>', outer.from)
    .where('booking.arrival', '<=', outer.to)
    .where('booking.status', 'in', ['checked_in', 'checked_out'])
    .where('booking.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  // Tickets: what the orders of each visit date kept (a cancelled order's total is its penalty).
  const tickets = await db
    .selectFrom('ticket_slot')
    .innerJoin('ticket_order', 'ticket_order.slot_id', 'ticket_slot.id')
    .select(
      list.map((span, i) =>
        sql<number>`coalesce(sum(case when ${within('ticket_order.visit_date', span)} then ticket_order.total_fen else 0 end), 0)`.as(
          `s${i}`,
        ),
      ),
    )
    .where('ticket_order.visit_date', '>=', outer.from)
    .where('ticket_order.visit_date', '<=', outer.to)
    .executeTakeFirstOrThrow();
  // Bookings due to arrive that never became a stay (few rows; those still awaiting their guest count on neither side).
  const outcome = (span: DateSpan, status: 'cancelled' | 'no_show') =>
    sql<number>`coalesce(sum(${within('arrival', span)} and status = ${status}), 0)`;
  const outcomes = await db
    .selectFrom('booking')
    .select(
      list.flatMap((span, i) => [
        outcome(span, 'cancelled').as(`s${i}_cancelled`),
        outcome(span, 'no_show').as(`s${i}_noShows`),
      ]),
    )
    .where('arrival', '>=', outer.from)
    .where('arrival', '<=', outer.to)
    .where('status', 'in', ['cancelled', 'no_show'])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const pick = (row: Record<string, unknown>, key: string) => Number(row[key] ?? 0);
  return Object.fromEntries(
    keys.map((key, i) => [
      key,
      {
        sold: pick(rooms, `s${i}_sold`),
        roomRevenue: pick(rooms, `s${i}_revenue`),
        ticketRevenue: pick(tickets, `s${i}`),
        honoured: pick(rooms, `s${i}_honoured`),
        cancelled: pick(outcomes, `s${i}_cancelled`),
        noShows: pick(outcomes, `s${i}_noShows`),
      },
    ]),
  ) as Record<K, SpanFigures>;
}

/** The rooms as the count of rooms available sees them: on the books from the local date entered, out of order by status now. */
export async function roomsOnBooks(db: Kysely<Database>, timeZone: string): Promise<RoomOnBooks[]> {
  const rooms = await db.selectFrom('room').select(['created_at', 'deleted_at', 'status']).execute();
  // Rooms are mostly entered together: each instant is turned into a local date once.
  const dates = new Map<string, string>();
  const localDate = (instant: string) =>
    dates.get(instant) ?? dates.set(instant, localDateOf(instant, timeZone)).get(instant)!;
  return rooms.map((room) => ({
    enteredOn: localDate(room.created_at),
    removedOn: room.deleted_at === null ? null : localDate(room.deleted_at),
    outOfOrder: room.status === 'out_of_order',
  }));
}

/** The measures of the rooms alone, in the order the reports print them (reports.labels.<measure>). */
export const ROOM_MEASURES = ['roomsAvailable', 'roomsSold', 'occupancy', 'adr', 'revpar', 'roomRevenue'] as const;

/** The flash's measures, in the order the reports print them (reports.labels.<measure>). */
export const MEASURES = [...ROOM_MEASURES, 'ticketRevenue', 'bookingSuccessRate'] as const;
export type Measure = (typeof MEASURES)[number];

/** A span's measures from its rooms available and its figures. */
export function flashMeasures(available: number, f: SpanFigures): Record<Measure, ReportValue> {
  return {
    roomsAvailable: count(available),
    roomsSold: count(f.sold),
    occupancy: rate(occupancy(f.sold, available)),
    adr: moneyOrNone(averageDailyRate(f.roomRevenue, f.sold)),
    revpar: moneyOrNone(revPar(f.roomRevenue, available)),
    roomRevenue: money(f.roomRevenue),
    ticketRevenue: money(f.ticketRevenue),
    bookingSuccessRate: rate(bookingSuccessRate(f)),
  };
}
