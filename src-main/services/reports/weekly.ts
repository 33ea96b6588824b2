/**
 * The weekly report (周报) for one ISO week of the property, Monday to Sunday (2026-W48): the
 * manager's flash for the week with each day beside it, the front office's arrivals, departures,
 * no-shows and cancellations, the cashier's totals by method, ticket sales and admissions, and the
 * complaints with the service team's measures. Every figure is the daily report's own query run
 * over the week's seven dates (./daily), so a week never disagrees with its days; computed from
 * this desk's own database, offline, data as of the last time this desk heard from the server.
 */
import type { Kysely } from 'kysely';
import type { ReportDocument } from '@shared/contract/reports';
import { periodDates } from '@shared/rules/report-deadlines';
import { addDays } from '@shared/rules/stay';
import { localDayStartUtc, nextLocalDate } from '@shared/time';
import type { Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';
import { businessDate } from '../business-date';
import { cashierSection } from './daily/cashier';
import { MEASURES } from './daily/flash-figures';
import { ticketSection } from './daily/tickets';
import { reportHeader } from './document';
import { weeklyComplaintSection } from './weekly/complaints';
import { weeklyFlashSection } from './weekly/flash';
import { weeklyFrontOfficeSection } from './weekly/front-office';

export interface WeeklyReportInput {
  /** The ISO week, 2026-W48. */
  week: string;
  now: Date;
  generatedBy: string;
}

/** The definitions printed at the end (reports.definitions.<key>). */
const DEFINITIONS = [
  'isoWeek',
  ...MEASURES,
  'weekByDay',
  'weeklyFrontOffice',
  'weeklyCashier',
  'weeklyTickets',
  'weeklyComplaints',
  'dayBoundaries',
];

export async function weeklyReport(
  db: Kysely<Database>,
  { week, now, generatedBy }: WeeklyReportInput,
): Promise<ReportDocument> {
  const dates = periodDates('weekly', week);
  if (!dates) throw new RangeError(`${week} is not an ISO week`);
  const property = await loadProperty(db);
  const zone = property.timeZone;
  const days = Array.from({ length: 7 }, (_, i) => addDays(dates.first, i));
  const span = {
    from: dates.first,
    to: dates.last,
    start: localDayStartUtc(dates.first, zone),
    end: localDayStartUtc(nextLocalDate(dates.last), zone),
    days,
  };
  const header = await reportHeader(db, { kind: 'weekly', period: week, span, property, now, generatedBy });
  return {
    ...header,
    sections: [
      await weeklyFlashSection(db, span, zone, await businessDate(db, now)),
      await weeklyFrontOfficeSection(db, span, zone),
      await cashierSection(db, span, { byStaff: false }),
      await ticketSection(db, span.from, span.to),
      await weeklyComplaintSection(db, span, now),
    ],
    definitions: DEFINITIONS,
  };
}
