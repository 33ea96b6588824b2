/**
 * The manager's flash (经理日报): rooms available, rooms sold, occupancy, ADR, RevPAR, room revenue,
 * ticket revenue and booking success rate for the business day, month to date and year to date,
 * beside the same spans last year where the desk holds data for them. Three SQL aggregates per
 * year, grouped by date (room-nights and their charges, tickets kept by visit date, bookings due
 * by outcome), summed here over each span; the ratios are src-shared/rules/hotel-kpis.
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

interface DateFigures {
  sold: number;
  roomRevenue: number;
  ticketRevenue: number;
  honoured: number;
  cancelled: number;
  noShows: number;
}

const EMPTY: DateFigures = { sold: 0, roomRevenue: 0, ticketRevenue: 0, honoured: 0, cancelled: 0, noShows: 0 };

/** The flash's figures of each date from `from` to `to`, both included. */
async function figuresByDate(db: Kysely<Database>, { from, to }: DateSpan): Promise<Map<string, DateFigures>> {
  const byDate = new Map<string, DateFigures>();
  const add = (day: string, part: Partial<DateFigures>) => {
    const seen = byDate.get(day) ?? { ...EMPTY };
    for (const [key, value] of Object.entries(part) as [keyof DateFigures, number][]) seen[key] += Number(value);
    byDate.set(day, seen);
  };
  // Rooms sold: nights of stays honoured; room revenue: each such night's own price.
  const rooms = await db
    .selectFrom('booking_night')
    .innerJoin('booking', 'booking.id', 'booking_night.booking_id')
    .select([
      'booking_night.night',
      (eb) => eb.fn.countAll<number>().as('sold'),
      sql<number>`coalesce(sum((select json_extract(j.value, '$.priceFen') from json_each(booking.nights_json) j
        where json_extract(j.value, '$.night') = booking_night.night)), 0)`.as('revenue'),
    ])
    .where('booking_night.night', '>=', from)
    .where('booking_night.night', '<=', to)
    .where('booking.status', 'in', ['checked_in', 'checked_out'])
    .groupBy('booking_night.night')
    .execute();
  for (const row of rooms) add(row.night, { sold: row.sold, roomRevenue: row.revenue });
  // Tickets: what the orders of each visit date kept (a cancelled order's total is its penalty).
  const tickets = await db
    .selectFrom('ticket_slot')
    .innerJoin('ticket_order', 'ticket_order.slot_id', 'ticket_slot.id')
    .select(['ticket_order.visit_date', (eb) => eb.fn.sum<number>('ticket_order.total_fen').as('revenue')])
    .where('ticket_order.visit_date', '>=', from)
    .where('ticket_order.visit_date', '<=', to)
    .groupBy('ticket_order.visit_date')
    .execute();
  for (const row of tickets) add(row.visit_date, { ticketRevenue: row.revenue });
  // Bookings due to arrive, by outcome; those still awaiting their guest count on neither side.
  const outcomes = await db
    .selectFrom('booking')
    .select(['arrival', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('arrival', '>=', from)
    .where('arrival', '<=', to)
    .where('status', 'in', ['checked_in', 'checked_out', 'cancelled', 'no_show'])
    .where('deleted_at', 'is', null)
    .groupBy(['arrival', 'status'])
    .execute();
  for (const row of outcomes)
    add(row.arrival, {
      [row.status === 'cancelled' ? 'cancelled' : row.status === 'no_show' ? 'noShows' : 'honoured']: row.n,
    });
  return byDate;
}

function sumOver(byDate: Map<string, DateFigures>, { from, to }: DateSpan): DateFigures {
  const total = { ...EMPTY };
  for (const [day, figures] of byDate)
    if (day >= from && day <= to)
      for (const key of Object.keys(total) as (keyof DateFigures)[]) total[key] += figures[key];
  return total;
}

/** The rooms as the count of rooms available sees them: on the books from the local date entered, out of order by status now. */
async function roomsOnBooks(db: Kysely<Database>, timeZone: string): Promise<RoomOnBooks[]> {
  const rooms = await db.selectFrom('room').select(['created_at', 'deleted_at', 'status']).execute();
  return rooms.map((room) => ({
    enteredOn: localDateOf(room.created_at, timeZone),
    removedOn: room.deleted_at === null ? null : localDateOf(room.deleted_at, timeZone),
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

function measures(available: number, f: DateFigures): Record<Measure, ReportValue> {
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

const SPANS = ['day', 'monthToDate', 'yearToDate'] as const;

export async function flashSection(
  db: Kysely<Database>,
  date: string,
  timeZone: string,
  openBusinessDate: string,
): Promise<ReportSection> {
  const periods = flashPeriods(date);
  const rooms = await roomsOnBooks(db, timeZone);
  const thisYear = await figuresByDate(db, periods.yearToDate.current);
  const lastYear = await figuresByDate(db, periods.yearToDate.lastYear);
  const columns = Object.fromEntries(
    SPANS.flatMap((span) => {
      const now = periods[span].current;
      const before = periods[span].lastYear;
      return [
        [span, measures(roomsAvailable(rooms, now.from, now.to), sumOver(thisYear, now))],
        [`${span}LastYear`, measures(roomsAvailable(rooms, before.from, before.to), sumOver(lastYear, before))],
      ];
    }),
  ) as Record<string, Record<Measure, ReportValue>>;
  const ly = periods.yearToDate.lastYear;
  // Last year is shown where the desk holds data for it: a room on the books, or any sale.
  const hasLastYear = roomsAvailable(rooms, ly.from, ly.to) > 0 || lastYear.size > 0;
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
