/**
 * The manager's flash (经理日报): rooms available, rooms sold, occupancy, ADR, RevPAR, room revenue,
 * ticket revenue and booking success rate for the business day, month to date and year to date,
 * beside the same spans last year where the desk holds data for them. Three SQL aggregates per
 * year (room-nights and their charges, tickets kept by visit date, bookings due by outcome), each
 * one pass over the year's rows that sums the three spans at once; the ratios are
 * src-shared/rules/hotel-kpis.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ReportSection, ReportValue } from '@shared/contract/reports';
import {
  averageDailyRate,
  bookingSuccessRate,
  flashPeriods,
  occupancy,
  revPar,
  roomsAvailable,
  type DateSpan,
  type RoomOnBooks,
} from '@shared/rules/hotel-kpis';
import { localDateOf } from '@shared/time';
import type { Database } from '../../../db/schema';
import { count, figure, label, money, moneyOrNone, rate, section, table } from './values';

const SPANS = ['day', 'monthToDate', 'yearToDate'] as const;
type Span = (typeof SPANS)[number];

interface SpanFigures {
  sold: number;
  roomRevenue: number;
  ticketRevenue: number;
  honoured: number;
  cancelled: number;
  noShows: number;
}

type Spans = Record<Span, DateSpan>;

/**
 * The flash's figures over the nested spans of one year (day ⊂ month to date ⊂ year to date), each
 * aggregate one pass over the year's rows. Rooms sold: the nights of a stay honoured that fall in
 * the span (its dates, as booking_night holds them); room revenue: a stay wholly inside the span
 * brings its total (the sum of its nights, as every writer keeps it), one crossing the span's edge
 * its nights inside, each at its own price.
 */
async function figuresOver(db: Kysely<Database>, spans: Spans): Promise<Record<Span, SpanFigures>> {
  const year = spans.yearToDate;
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
      SPANS.flatMap((span) => [
        sql<number>`coalesce(sum(${nightsIn(spans[span])}), 0)`.as(`${span}_sold`),
        sql<number>`coalesce(sum(${revenueIn(spans[span])}), 0)`.as(`${span}_revenue`),
        // The stays honoured are these rows too: those due to arrive in the span.
        sql<number>`coalesce(sum(${within('booking.arrival', spans[span])}), 0)`.as(`${span}_honoured`),
      ]),
    )
    .where('booking.departure', '>', year.from)
    .where('booking.arrival', '<=', year.to)
    .where('booking.status', 'in', ['checked_in', 'checked_out'])
    .where('booking.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  // Tickets: what the orders of each visit date kept (a cancelled order's total is its penalty).
  const tickets = await db
    .selectFrom('ticket_slot')
    .innerJoin('ticket_order', 'ticket_order.slot_id', 'ticket_slot.id')
    .select(
      SPANS.map((span) =>
        sql<number>`coalesce(sum(case when ${within('ticket_order.visit_date', spans[span])} then ticket_order.total_fen else 0 end), 0)`.as(
          span,
        ),
      ),
    )
    .where('ticket_order.visit_date', '>=', year.from)
    .where('ticket_order.visit_date', '<=', year.to)
    .executeTakeFirstOrThrow();
  // Bookings due to arrive that never became a stay (few rows; those still awaiting their guest count on neither side).
  const outcome = (span: Span, status: 'cancelled' | 'no_show') =>
    sql<number>`coalesce(sum(${within('arrival', spans[span])} and status = ${status}), 0)`;
  const outcomes = await db
    .selectFrom('booking')
    .select(
      SPANS.flatMap((span) => [
        outcome(span, 'cancelled').as(`${span}_cancelled`),
        outcome(span, 'no_show').as(`${span}_noShows`),
      ]),
    )
    .where('arrival', '>=', year.from)
    .where('arrival', '<=', year.to)
    .where('status', 'in', ['cancelled', 'no_show'])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const pick = (row: Record<string, unknown>, key: string) => Number(row[key] ?? 0);
  return Object.fromEntries(
    SPANS.map((span) => [
      span,
      {
        sold: pick(rooms, `${span}_sold`),
        roomRevenue: pick(rooms, `${span}_revenue`),
        ticketRevenue: pick(tickets, span),
        honoured: pick(rooms, `${span}_honoured`),
        cancelled: pick(outcomes, `${span}_cancelled`),
        noShows: pick(outcomes, `${span}_noShows`),
      },
    ]),
  ) as Record<Span, SpanFigures>;
}

/** The rooms as the count of rooms available sees them: on the books from the local date entered, out of order by status now. */
async function roomsOnBooks(db: Kysely<Database>, timeZone: string): Promise<RoomOnBooks[]> {
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

const MEASURES = [
  'roomsAvailable',
  'roomsSold',
  'occupancy',
  'adr',
  'revpar',
  'roomRevenue',
  'ticketRevenue',
  'bookingSuccessRate',
] as const;
type Measure = (typeof MEASURES)[number];

function measures(available: number, f: SpanFigures): Record<Measure, ReportValue> {
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

export async function flashSection(
  db: Kysely<Database>,
  date: string,
  timeZone: string,
  openBusinessDate: string,
): Promise<ReportSection> {
  const periods = flashPeriods(date);
  const rooms = await roomsOnBooks(db, timeZone);
  const spansOf = (which: 'current' | 'lastYear') =>
    Object.fromEntries(SPANS.map((span) => [span, periods[span][which]])) as Spans;
  const thisYear = await figuresOver(db, spansOf('current'));
  const lastYear = await figuresOver(db, spansOf('lastYear'));
  const columns = Object.fromEntries(
    SPANS.flatMap((span) => {
      const now = periods[span].current;
      const before = periods[span].lastYear;
      return [
        [span, measures(roomsAvailable(rooms, now.from, now.to), thisYear[span])],
        [`${span}LastYear`, measures(roomsAvailable(rooms, before.from, before.to), lastYear[span])],
      ];
    }),
  ) as Record<string, Record<Measure, ReportValue>>;
  const ly = periods.yearToDate.lastYear;
  // Last year is shown where the desk holds data for it: a room on the books, or any sale.
  const sales = lastYear.yearToDate;
  const hasLastYear =
    roomsAvailable(rooms, ly.from, ly.to) > 0 ||
    sales.sold + sales.ticketRevenue + sales.honoured + sales.cancelled + sales.noShows > 0;
  const shown = SPANS.flatMap((span) => (hasLastYear ? [span, `${span}LastYear`] : [span]));
  const notes: ReportSection['notes'] = [];
  if (!hasLastYear) notes.push({ key: 'flashNoLastYear', params: { year: Number(ly.from.slice(0, 4)) } });
  if (date >= openBusinessDate) notes.push({ key: 'flashDayOpen', params: { date } });
  notes.push({ key: 'outOfOrderNow' });
  return section('flash', {
    figures: MEASURES.map((key) => figure(key, columns['day']![key])),
    tables: [
      table(
        'flash',
        ['measure', ...shown],
        MEASURES.map((key) => ({
          measure: label(`reports.labels.${key}`),
          ...Object.fromEntries(shown.map((column) => [column, columns[column]![key]])),
        })),
      ),
    ],
    notes,
  });
}
