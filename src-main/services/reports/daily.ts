/**
 * The daily report (日报) for one business date of the property: the front office (arrivals,
 * departures, in house, no-shows, cancellations), the rooms by housekeeping status, the cashier
 * report, ticket sales by slot and the gate's admissions, complaints, and the manager's flash.
 * Computed from this desk's own database with SQL aggregates, offline; data as of the last time
 * this desk heard from the server. Events with a time (payments, cancellations, complaints) count
 * on the business date's calendar day in the property's zone.
 */
import type { Kysely } from 'kysely';
import type { ReportDocument } from '@shared/contract/reports';
import { localDayStartUtc, nextLocalDate } from '@shared/time';
import type { Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';
import { businessDate } from '../business-date';
import { cashierSection } from './daily/cashier';
import { complaintSection } from './daily/complaints';
import { flashSection } from './daily/flash';
import { MEASURES } from './daily/flash-figures';
import { frontOfficeSection, roomStatusSection } from './daily/front-office';
import { ticketSection } from './daily/tickets';
import type { Day } from './values';
import { reportHeader } from './document';

export interface DailyReportInput {
  date: string;
  now: Date;
  generatedBy: string;
}

/** The definitions printed at the end (reports.definitions.<key>). */
const DEFINITIONS = [
  ...MEASURES,
  'sameDayLastYear',
  'arrivals',
  'departures',
  'inHouse',
  'noShows',
  'cancellations',
  'cashier',
  'ticketsSold',
  'admitted',
  'complaintsOverdue',
  'dayBoundaries',
];

export async function dailyReport(
  db: Kysely<Database>,
  { date, now, generatedBy }: DailyReportInput,
): Promise<ReportDocument> {
  const property = await loadProperty(db);
  const zone = property.timeZone;
  const day: Day = { date, start: localDayStartUtc(date, zone), end: localDayStartUtc(nextLocalDate(date), zone) };
  const header = await reportHeader(db, { kind: 'daily', period: date, span: day, property, now, generatedBy });
  return {
    ...header,
    sections: [
      await flashSection(db, date, zone, await businessDate(db, now)),
      await frontOfficeSection(db, day),
      await roomStatusSection(db),
      await cashierSection(db, day),
      await ticketSection(db, date),
      await complaintSection(db, day, now),
    ],
    definitions: DEFINITIONS,
  };
}
