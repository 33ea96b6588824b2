/**
 * The week's complaints: opened, resolved and closed in it, overdue at its end (or now), and the
 * service team's measures over the complaints opened in it (complaintMeasures, as the complaints
 * screen and the monthly satisfaction report compute them) — counted by the daily report's own
 * function over the seven dates.
 */
import type { Kysely } from 'kysely';
import type { ReportSection } from '@shared/contract/reports';
import type { Database } from '../../../db/schema';
import { complaintCounts } from '../daily/complaints';
import { count, figure, number, rate, section, type Dates } from '../daily/values';

export async function weeklyComplaintSection(db: Kysely<Database>, week: Dates, now: Date): Promise<ReportSection> {
  const { measures, resolved, closed, overdue } = await complaintCounts(db, week, now);
  return section('complaints', {
    figures: [
      figure('complaintsOpened', count(measures.opened)),
      figure('complaintsResolved', count(resolved)),
      figure('complaintsClosed', count(closed)),
      figure('complaintsOverdue', count(overdue)),
      figure('withinTargetRate', rate(measures.withinTargetRate)),
      figure('firstContactResolutionRate', rate(measures.firstContactResolutionRate)),
      figure('callbacksWithin24hRate', rate(measures.callbacksWithin24hRate)),
      figure('satisfactionScore', number(measures.satisfactionScore, 2)),
      figure('medianResponseWorkingHours', number(measures.medianResponseWorkingHours, 1)),
      figure('medianResolutionWorkingHours', number(measures.medianResolutionWorkingHours, 1)),
    ],
    notes: [{ key: 'complaintsOverdueWeek' }],
  });
}
