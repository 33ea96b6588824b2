/**
 * The manager's flash (经理日报): rooms available, rooms sold, occupancy, ADR, RevPAR, room revenue,
 * ticket revenue and booking success rate for the business day, month to date and year to date,
 * beside the same spans last year where the desk holds data for them. The figures of a year's three
 * nested spans come from one set of aggregates (./flash-figures); the ratios are
 * src-shared/rules/hotel-kpis.
 */
import type { Kysely } from 'kysely';
import type { ReportSection, ReportValue } from '@shared/contract/reports';
import { flashPeriods, roomsAvailable, type DateSpan } from '@shared/rules/hotel-kpis';
import type { Database } from '../../../db/schema';
import { flashFiguresOver, flashMeasures, MEASURES, roomsOnBooks, type Measure } from './flash-figures';
import { figure, label, section, table } from '../values';

const SPANS = ['day', 'monthToDate', 'yearToDate'] as const;
type Span = (typeof SPANS)[number];

export async function flashSection(
  db: Kysely<Database>,
  date: string,
  timeZone: string,
  openBusinessDate: string,
): Promise<ReportSection> {
  const periods = flashPeriods(date);
  const rooms = await roomsOnBooks(db, timeZone);
  const spansOf = (which: 'current' | 'lastYear') =>
    Object.fromEntries(SPANS.map((span) => [span, periods[span][which]])) as Record<Span, DateSpan>;
  const thisYear = await flashFiguresOver(db, spansOf('current'));
  const lastYear = await flashFiguresOver(db, spansOf('lastYear'));
  const columns = Object.fromEntries(
    SPANS.flatMap((span) => {
      const now = periods[span].current;
      const before = periods[span].lastYear;
      return [
        [span, flashMeasures(roomsAvailable(rooms, now.from, now.to), thisYear[span])],
        [`${span}LastYear`, flashMeasures(roomsAvailable(rooms, before.from, before.to), lastYear[span])],
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
