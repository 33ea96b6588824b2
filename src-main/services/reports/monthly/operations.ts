/**
 * The monthly operations report: occupancy, ADR and RevPAR by day and by room type, the channel
 * mix, what became of the month's arrivals (conversion, cancellations, no-shows), booking success
 * against the 95% target, ticket sales and slot utilisation, and the members' share with the
 * points they earned and redeemed. Every figure is an SQL aggregate over this desk's own database;
 * the rates are the lodging industry's (src-shared/rules/hotel-kpis).
 */
import { CHANNELS, type Channel } from '@shared/contract/inventory';
import type { ReportDocument, ReportSection, ReportValue } from '@shared/contract/reports';
import {
  averageDailyRate,
  bookingSuccessRate,
  occupancy,
  revPar,
  roomsAvailable,
  type RoomOnBooks,
} from '@shared/rules/hotel-kpis';
import { localDateOf } from '@shared/time';
import { ROOM_MEASURES } from '../daily/flash-figures';
import { membersSection } from './members';
import { nightsSold, type NightRow } from './nights';
import { ticketsSection } from './tickets';
import { monthlyFrame, type Month, type ReportContext } from './document';
import { column, count, date, figure, label, money, moneyOrNone, rate, section, text } from '../values';
import { ratio } from '@shared/rules/statistics';

/** The rules' target for the booking success rate. */
export const BOOKING_SUCCESS_TARGET = 0.95;

interface Tally {
  available: number;
  sold: number;
  revenue: number;
}

const tally = (): Tally => ({ available: 0, sold: 0, revenue: 0 });

function kpiCells({ available, sold, revenue }: Tally): Record<string, ReportValue> {
  return {
    available: count(available),
    sold: count(sold),
    occupancy: rate(occupancy(sold, available)),
    adr: moneyOrNone(averageDailyRate(revenue, sold)),
    revpar: moneyOrNone(revPar(revenue, available)),
    revenue: money(revenue),
  };
}

/** Room-nights available each day of the month, by room type, as hotel-kpis counts them (out of order excluded). */
async function availableByDay(ctx: ReportContext, month: Month, timeZone: string) {
  const rooms = await ctx.db
    .selectFrom('room')
    .select(['room_type_id', 'status', 'created_at', 'deleted_at'])
    .execute();
  const byType = new Map<string, RoomOnBooks[]>();
  for (const room of rooms)
    byType.set(room.room_type_id, [
      ...(byType.get(room.room_type_id) ?? []),
      {
        enteredOn: localDateOf(room.created_at, timeZone),
        removedOn: room.deleted_at === null ? null : localDateOf(room.deleted_at, timeZone),
        outOfOrder: room.status === 'out_of_order',
      },
    ]);
  return new Map(
    month.days.map((day) => [
      day,
      new Map([...byType].map(([typeId, typeRooms]) => [typeId, roomsAvailable(typeRooms, day, day)])),
    ]),
  );
}

async function roomsSection(ctx: ReportContext, month: Month, timeZone: string, nights: NightRow[]) {
  const available = await availableByDay(ctx, month, timeZone);
  const types = await ctx.db.selectFrom('room_type').select(['id', 'code', 'name']).orderBy('code').execute();
  const days = new Map(month.days.map((day) => [day, tally()]));
  const byType = new Map(types.map((type) => [type.id, tally()]));
  const total = tally();
  for (const [day, perType] of available)
    for (const [typeId, rooms] of perType) {
      days.get(day)!.available += rooms;
      (byType.get(typeId) ?? byType.set(typeId, tally()).get(typeId)!).available += rooms;
      total.available += rooms;
    }
  for (const row of nights) {
    for (const target of [days.get(row.night), byType.get(row.room_type_id), total])
      if (target) {
        target.sold += row.sold;
        target.revenue += row.revenue;
      }
  }
  const totals = kpiCells(total);
  const dayRows = month.days.map((day) => ({ date: date(day), ...kpiCells(days.get(day)!) }));
  return section('monthlyRooms', {
    figures: [
      figure('roomNightsAvailable', totals.available!),
      figure('roomNightsSold', totals.sold!),
      figure('occupancy', totals.occupancy!),
      figure('adr', totals.adr!),
      figure('revpar', totals.revpar!),
      figure('roomRevenue', totals.revenue!),
    ],
    tables: [
      {
        id: 'occupancyByDay',
        title: 'occupancyByDay',
        columns: [column('date'), column('available'), column('sold'), column('occupancy')],
        rows: dayRows,
        totals: { date: text(''), ...totals },
        chart: { kind: 'line', x: 'date', series: ['occupancy'] },
      },
      {
        id: 'ratesByDay',
        title: 'ratesByDay',
        columns: [column('date'), column('revenue', 'roomRevenue'), column('adr'), column('revpar')],
        rows: dayRows,
        totals: { date: text(''), ...totals },
        chart: { kind: 'line', x: 'date', series: ['adr', 'revpar'] },
      },
      {
        id: 'byRoomType',
        title: 'byRoomType',
        columns: [
          column('roomType'),
          column('available'),
          column('sold'),
          column('occupancy'),
          column('adr'),
          column('revpar'),
          column('revenue', 'roomRevenue'),
        ],
        rows: types.map((type) => ({ roomType: text(`${type.code} ${type.name}`), ...kpiCells(byType.get(type.id)!) })),
        totals: { roomType: text(''), ...totals },
      },
    ],
  });
}

type StatusCount = { status: string; n: number };

/** The room bookings made in the month by channel and by what became of them, in one read (booking has no index on created_at). */
async function bookingsMade(ctx: ReportContext, month: Month) {
  return (
    await ctx.db
      .selectFrom('booking')
      .select((eb) => ['channel', 'status', eb.fn.countAll<number>().as('n')])
      .where('created_at', '>=', month.start)
      .where('created_at', '<', month.end)
      .where('deleted_at', 'is', null)
      .groupBy(['channel', 'status'])
      .execute()
  ).map((row) => ({ ...row, n: Number(row.n) }));
}

/** Bookings by outcome: all, honoured (checked in or out), cancelled and no-shows. */
function outcomesOf(rows: readonly StatusCount[]) {
  const of = (...statuses: string[]) =>
    rows.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row.n, 0);
  return {
    all: of('confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show'),
    honoured: of('checked_in', 'checked_out'),
    cancelled: of('cancelled'),
    noShows: of('no_show'),
  };
}

function channelSection(made: readonly (StatusCount & { channel: Channel })[], nights: NightRow[]) {
  const madeBy = new Map<Channel, number>();
  for (const row of made) madeBy.set(row.channel, (madeBy.get(row.channel) ?? 0) + row.n);
  const sold = new Map(CHANNELS.map((channel) => [channel, { sold: 0, revenue: 0 }]));
  for (const row of nights) {
    const entry = sold.get(row.channel)!;
    entry.sold += row.sold;
    entry.revenue += row.revenue;
  }
  const allNights = nights.reduce((sum, row) => sum + row.sold, 0);
  const allRevenue = nights.reduce((sum, row) => sum + row.revenue, 0);
  const allMade = [...madeBy.values()].reduce((a, b) => a + b, 0);
  return section('monthlyChannels', {
    tables: [
      {
        id: 'channelMix',
        title: 'channelMix',
        columns: [
          column('channel'),
          column('bookingsMade'),
          column('roomNights', 'roomNightsSold'),
          column('share', 'roomNightShare'),
          column('revenue', 'roomRevenue'),
        ],
        rows: CHANNELS.map((channel) => ({
          channel: label(`desk.channels.${channel}`),
          bookingsMade: count(madeBy.get(channel) ?? 0),
          roomNights: count(sold.get(channel)!.sold),
          share: rate(ratio(sold.get(channel)!.sold, allNights)),
          revenue: money(sold.get(channel)!.revenue),
        })),
        totals: {
          channel: text(''),
          bookingsMade: count(allMade),
          roomNights: count(allNights),
          share: rate(ratio(allNights, allNights)),
          revenue: money(allRevenue),
        },
        chart: { kind: 'bar', x: 'channel', series: ['roomNights'] },
      },
    ],
  });
}

/** What became of the bookings due to arrive in the month, and of the bookings taken in it. */
async function bookingsSection(
  ctx: ReportContext,
  month: Month,
  madeRows: readonly StatusCount[],
): Promise<ReportSection> {
  const dueRows = await ctx.db
    .selectFrom('booking')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('arrival', '>=', month.first)
    .where('arrival', '<=', month.last)
    .where('deleted_at', 'is', null)
    .groupBy('status')
    .execute();
  const due = outcomesOf(dueRows.map((row) => ({ status: row.status, n: Number(row.n) })));
  const made = outcomesOf(madeRows);
  const successRate = bookingSuccessRate(due);
  return section('monthlyBookings', {
    figures: [
      figure('arrivalsDue', count(due.all)),
      figure('honoured', count(due.honoured)),
      figure('cancellations', count(due.cancelled)),
      figure('cancellationRate', rate(ratio(due.cancelled, due.all))),
      figure('noShows', count(due.noShows)),
      figure('noShowRate', rate(ratio(due.noShows, due.all - due.cancelled))),
      figure('bookingSuccessRate', rate(successRate)),
      figure('bookingSuccessTarget', rate(BOOKING_SUCCESS_TARGET)),
      figure('bookingsMade', count(made.all)),
      figure('bookingConversion', rate(bookingSuccessRate(made))),
    ],
    notes:
      successRate !== null && successRate < BOOKING_SUCCESS_TARGET
        ? [{ key: 'belowSuccessTarget', params: { target: BOOKING_SUCCESS_TARGET * 100 } }]
        : [],
  });
}

export async function operationsReport(ctx: ReportContext, key: string): Promise<ReportDocument> {
  const { header, month, property } = await monthlyFrame(ctx, 'operations', key);
  const nights = await nightsSold(ctx, month);
  const made = await bookingsMade(ctx, month);
  return {
    ...header,
    sections: [
      await roomsSection(ctx, month, property.timeZone, nights),
      channelSection(made, nights),
      await bookingsSection(ctx, month, made),
      await ticketsSection(ctx, month),
      await membersSection(ctx, month, nights),
    ],
    definitions: [
      ...ROOM_MEASURES,
      'monthByDay',
      'channelMix',
      'bookingSuccessRate',
      'cancellationRate',
      'noShowRate',
      'bookingConversion',
      'slotUtilisation',
      'memberShare',
      'points',
    ],
  };
}
