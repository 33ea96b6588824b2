/**
 * The manager's flash figures over any spans of local dates: rooms sold, room revenue, ticket
 * revenue and booking outcomes, each span the sum of its nights' figures from the desk's cache
 * (night_figure, the nights missing computed and kept on the way), and the rooms on the books the
 * count of rooms available reads. The daily flash asks for the day, month and year to date; the weekly report for
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
import { addDays } from '@shared/rules/stay';
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
 * that fall in the span (its dates, as booking_night holds them); room revenue: the stay's nights
 * inside the span, each at its own price (a stay wholly inside brings its total, the sum of its
 * nights, as every writer keeps it). Both are sums of each night's figures, kept in night_figure.
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
  // Each night's figures from the cache, the nights missing computed and kept first; each span is
  // the sum of its nights.
  const COLUMNS = [
    ['sold', 'rooms_sold'],
    ['revenue', 'room_revenue_fen'],
    ['tickets', 'ticket_revenue_fen'],
    ['honoured', 'honoured'],
    ['cancelled', 'cancelled'],
    ['noShows', 'no_shows'],
  ] as const;
  const sums = await withNightFigures(db, outer, (reader) =>
    reader
      .selectFrom('night_figure')
      .select(
        list.flatMap(({ from, to }, i) =>
          COLUMNS.map(([name, column]) =>
            sql<number>`coalesce(sum(case when night between ${from} and ${to} then ${sql.ref(column)} else 0 end), 0)`.as(
              `s${i}_${name}`,
            ),
          ),
        ),
      )
      .where('night', '>=', outer.from)
      .where('night', '<=', outer.to)
      .executeTakeFirstOrThrow(),
  );
  const pick = (row: Record<string, unknown>, key: string) => Number(row[key] ?? 0);
  return Object.fromEntries(
    keys.map((key, i) => [
      key,
      {
        sold: pick(sums, `s${i}_sold`),
        roomRevenue: pick(sums, `s${i}_revenue`),
        ticketRevenue: pick(sums, `s${i}_tickets`),
        honoured: pick(sums, `s${i}_honoured`),
        cancelled: pick(sums, `s${i}_cancelled`),
        noShows: pick(sums, `s${i}_noShows`),
      },
    ]),
  ) as Record<K, SpanFigures>;
}

/**
 * Runs `read` over night_figure once every night of the span is in it. Any night may be kept,
 * past, today or ahead: the triggers on booking (migration 2026-11-30-21) empty a night's row on
 * every write that could change it, local or pulled by sync, so a row is never stale; only a night
 * whose bookings no longer change stays kept for long. The fill, the insert and the read are one
 * transaction (the desk's one connection serves no other write in between), so a write can never
 * land between computing a night and keeping it. The cache is not synced: no capture trigger,
 * no outbox row. booking_night needs no trigger: these figures read the booking row alone.
 */
async function withNightFigures<T>(
  db: Kysely<Database>,
  span: DateSpan,
  read: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const run = async (trx: Kysely<Database>) => {
    const kept = new Set(
      (
        await trx
          .selectFrom('night_figure')
          .select('night')
          .where('night', '>=', span.from)
          .where('night', '<=', span.to)
          .execute()
      ).map((row) => row.night),
    );
    // The missing nights as runs of consecutive dates, each computed in one statement.
    const runs: DateSpan[] = [];
    for (let night = span.from; night <= span.to; night = addDays(night, 1)) {
      if (kept.has(night)) continue;
      const last = runs[runs.length - 1];
      if (last && addDays(last.to, 1) === night) last.to = night;
      else runs.push({ from: night, to: night });
    }
    for (const { from, to } of runs) await fillNights(trx, from, to);
    return read(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * Computes and keeps the figures of the nights from..to (inclusive), each one pass over the rows
 * that touch them. A stay honoured (checked in or out) counts +1 room sold from its arrival (or
 * `from`) and −1 from its departure, summed night by night; its revenue is each night's own price
 * (nights_json); it is honoured on its arrival night. A booking due to arrive that never became a
 * stay counts on its arrival night (cancelled or no-show; those still awaiting their guest count on
 * neither side). Ticket revenue: what the orders of each visit date kept (a cancelled order's total
 * is its penalty).
 */
async function fillNights(db: Kysely<Database>, from: string, to: string): Promise<void> {
  await sql`
    with recursive
      d(night) as (select ${from} union all select date(night, '+1 day') from d where night < ${to}),
      s as (
        select arrival, departure, nights_json from booking
        where departure > ${from} and arrival <= ${to}
          and status in ('checked_in', 'checked_out') and deleted_at is null
      ),
      ev(night, delta, revenue, tickets, honoured, cancelled, no_shows) as (
        select max(arrival, ${from}), 1, 0, 0, arrival >= ${from}, 0, 0 from s
        union all select departure, -1, 0, 0, 0, 0, 0 from s where departure <= ${to}
        union all
          select json_extract(j.value, '$.night'), 0, json_extract(j.value, '$.priceFen'), 0, 0, 0, 0
          from s, json_each(s.nights_json) j
          where json_extract(j.value, '$.night') between ${from} and ${to}
        union all
          select arrival, 0, 0, 0, 0, status = 'cancelled', status = 'no_show' from booking
          where arrival between ${from} and ${to} and status in ('cancelled', 'no_show') and deleted_at is null
        union all
          select o.visit_date, 0, 0, o.total_fen, 0, 0, 0
          from ticket_slot t join ticket_order o on o.slot_id = t.id
          where o.visit_date between ${from} and ${to}
      ),
      agg as (
        select night, sum(delta) as delta, sum(revenue) as revenue, sum(tickets) as tickets,
          sum(honoured) as honoured, sum(cancelled) as cancelled, sum(no_shows) as no_shows
        from ev group by night
      )
    insert or replace into night_figure
      (night, rooms_sold, room_revenue_fen, ticket_revenue_fen, honoured, cancelled, no_shows)
      select d.night,
        coalesce(sum(coalesce(agg.delta, 0)) over (order by d.night rows unbounded preceding), 0),
        coalesce(agg.revenue, 0), coalesce(agg.tickets, 0), coalesce(agg.honoured, 0),
        coalesce(agg.cancelled, 0), coalesce(agg.no_shows, 0)
      from d left join agg on agg.night = d.night
      order by d.night`.execute(db);
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
