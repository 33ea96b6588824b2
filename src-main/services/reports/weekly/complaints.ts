/**
 * The week's complaints: opened, resolved and closed in it, overdue at its end (or now), and the
 * service team's measures over the complaints opened in it (complaintMeasures, as the complaints
 * screen and the monthly satisfaction report compute them) — counted by the daily report's own
 * function over the seven dates.
 */
import type { Kysely } from 'kysely';
import type { ReportSection } from '@shared/contract/reports';
import type { Database } from '../../../db/schema';
import { complaintCounts, countFigures, measureFigures } from '../daily/complaints';
import { section, type Dates } from '../values';

export async function weeklyComplaintSection(db: Kysely<Database>, week: Dates, now: Date): Promise<ReportSection> {
  const counts = await complaintCounts(db, week, now);
  return section('complaints', {
    figures: [...countFigures(counts), ...measureFigures(counts.measures)],
    notes: [{ key: 'complaintsOverdueWeek' }],
  });
}
