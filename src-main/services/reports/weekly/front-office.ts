/**
 * The week's front office: arrivals, departures, no-shows and cancellations, in all and day by day,
 * counted from the daily report's own lists (./daily/front-office) over the seven dates. A stay
 * counts on its arrival or departure date, a no-show on the date it was due, a cancellation on the
 * local date it was made.
 */
import type { Kysely } from 'kysely';
import type { ReportSection } from '@shared/contract/reports';
import { localDateOf } from '@shared/time';
import type { Database } from '../../../db/schema';
import { frontOfficeLists } from '../daily/front-office';
import { count, date, figure, money, section, table, text, type Dates } from '../values';

const COUNTS = ['arrivals', 'departures', 'noShows', 'cancellations'] as const;

export async function weeklyFrontOfficeSection(
  db: Kysely<Database>,
  week: Dates & { days: readonly string[] },
  timeZone: string,
): Promise<ReportSection> {
  const lists = await frontOfficeLists(db, week);
  const dated: Record<(typeof COUNTS)[number], string[]> = {
    arrivals: lists.arrivals.map((b) => b.arrival),
    departures: lists.departures.map((b) => b.departure),
    noShows: lists.noShows.map((b) => b.arrival),
    cancellations: lists.cancellations.map((c) => localDateOf(c.at, timeZone)),
  };
  const on = (day: string) =>
    Object.fromEntries(COUNTS.map((key) => [key, count(dated[key].filter((d) => d === day).length)]));
  return section('frontOffice', {
    figures: [
      figure('arrivals', count(lists.arrivals.length)),
      figure('arrived', count(lists.arrivals.filter((b) => b.status !== 'confirmed').length)),
      figure('departures', count(lists.departures.length)),
      figure('noShows', count(lists.noShows.length)),
      figure('cancellations', count(lists.cancellations.length)),
      figure('cancellationPenalties', money(lists.cancellations.reduce((sum, c) => sum + c.penaltyFen, 0))),
    ],
    tables: [
      table(
        'frontOfficeByDay',
        ['date', ...COUNTS],
        week.days.map((day) => ({ date: date(day), ...on(day) })),
        { date: text(''), ...Object.fromEntries(COUNTS.map((key) => [key, count(dated[key].length)])) },
      ),
    ],
  });
}
