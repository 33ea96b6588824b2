/**
 * The daily report (日报) for one business date of the property, with the manager's flash,
 * computed from this desk's own database with SQL aggregates.
 */
import type { Kysely } from 'kysely';
import type { ReportDocument } from '@shared/contract/reports';
import { localDayStartUtc, nextLocalDate } from '@shared/time';
import type { Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';

export interface DailyReportInput {
  date: string;
  now: Date;
  generatedBy: string;
}

export async function dailyReport(
  db: Kysely<Database>,
  { date, now, generatedBy }: DailyReportInput,
): Promise<ReportDocument> {
  const property = await loadProperty(db);
  const sync = await db.selectFrom('sync_state').select('last_sync_at').executeTakeFirst();
  return {
    kind: 'daily',
    period: date,
    from: localDayStartUtc(date, property.timeZone),
    to: localDayStartUtc(nextLocalDate(date), property.timeZone),
    property: { name: property.name, timeZone: property.timeZone, currency: property.currency },
    dataAsOf: sync?.last_sync_at ?? null,
    generatedAt: now.toISOString(),
    generatedBy,
    sections: [],
    definitions: [],
  };
}
