/**
 * The weekly manager's flash (经理周报): rooms available, rooms sold, occupancy, ADR, RevPAR, room
 * revenue, ticket revenue and booking success rate for the ISO week, and the same measures for each
 * of its seven days beside it (drawn as a line of occupancy and ADR). One set of the daily flash's
 * aggregates over eight spans (./daily/flash-figures); the ratios are src-shared/rules/hotel-kpis,
 * the week's recomputed from its sums, never an average of its days.
 */
import type { Kysely } from 'kysely';
import type { ReportSection, ReportTable, ReportValue } from '@shared/contract/reports';
import { roomsAvailable, type DateSpan } from '@shared/rules/hotel-kpis';
import type { Database } from '../../../db/schema';
import { flashFiguresOver, flashMeasures, MEASURES, roomsOnBooks, type Measure } from '../daily/flash-figures';
import { date, figure, section, text, type Dates } from '../values';

const pick = (values: Record<Measure, ReportValue>, keys: readonly Measure[]) =>
  Object.fromEntries(keys.map((key) => [key, values[key]]));

export async function weeklyFlashSection(
  db: Kysely<Database>,
  week: Dates & { days: readonly string[] },
  timeZone: string,
  openBusinessDate: string,
): Promise<ReportSection> {
  const rooms = await roomsOnBooks(db, timeZone);
  const spans: Record<string, DateSpan> = { week: { from: week.from, to: week.to } };
  for (const day of week.days) spans[day] = { from: day, to: day };
  const figures = await flashFiguresOver(db, spans);
  const measuresOf = (key: string) =>
    flashMeasures(roomsAvailable(rooms, spans[key]!.from, spans[key]!.to), figures[key]!);
  const total = measuresOf('week');
  const days = week.days.map((day) => ({ day, measures: measuresOf(day) }));
  // Two tables of the same rows, so each fits the A4 width: the rooms (drawn), then the money and bookings.
  const byDay = (id: string, measures: readonly Measure[], chart?: ReportTable['chart']): ReportTable => ({
    id,
    title: id,
    columns: ['date', ...measures].map((key) => ({ key, label: key })),
    rows: days.map(({ day, measures: m }) => ({ date: date(day), ...pick(m, measures) })),
    totals: { date: text(''), ...pick(total, measures) },
    ...(chart && { chart }),
  });
  const notes: ReportSection['notes'] = [];
  if (week.to >= openBusinessDate) notes.push({ key: 'weekOpen', params: { date: openBusinessDate } });
  notes.push({ key: 'outOfOrderNow' });
  return section('weeklyFlash', {
    figures: MEASURES.map((key) => figure(key, total[key])),
    tables: [
      byDay('flashByDay', ['roomsAvailable', 'roomsSold', 'occupancy', 'adr', 'revpar'], {
        kind: 'line',
        x: 'date',
        series: ['occupancy', 'adr'],
      }),
      byDay('salesByDay', ['roomRevenue', 'ticketRevenue', 'bookingSuccessRate']),
    ],
    notes,
  });
}
