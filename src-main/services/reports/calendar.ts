/**
 * The report calendar of one month: every report due for it (a daily for each business date from
 * the day the property began, a weekly for each ISO week ending in the month, the three monthly
 * reports), each with its deadline and where it stands — open, due, late, or submitted (by whom,
 * when, on time or not). The deadlines and states are the pure rule in
 * src-shared/rules/report-deadlines.ts; this module reads the submissions and the business date.
 */
import type { Kysely } from 'kysely';
import type { ReportCalendar, ReportDue } from '@shared/contract/report-operations';
import type { ReportKind } from '@shared/contract/report-kinds';
import { calendarDate } from '@shared/rules/business-day';
import { deadlineOf, dueState, periodDates, periodsOfMonth } from '@shared/rules/report-deadlines';
import type { Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';
import { businessDate } from '../business-date';

export interface CalendarInput {
  month: string;
  now: Date;
  /** The kinds this desk files (those it can build a document for). */
  kinds: readonly ReportKind[];
}

export async function reportCalendar(
  db: Kysely<Database>,
  { month, now, kinds }: CalendarInput,
): Promise<ReportCalendar> {
  const property = await loadProperty(db);
  const { timeZone } = property;
  const open = await businessDate(db, now);
  const began = await db.selectFrom('property').select('created_at').executeTakeFirstOrThrow();
  const periods = periodsOfMonth(month, { kinds, from: calendarDate(began.created_at, timeZone) });
  const keys = [...new Set(periods.map((p) => p.period))];
  const submissions =
    keys.length === 0
      ? []
      : await db
          .selectFrom('report_submission')
          .leftJoin('staff', 'staff.id', 'report_submission.submitted_by')
          .select([
            'report_submission.id',
            'report_submission.kind',
            'report_submission.period',
            'report_submission.submitted_by',
            'report_submission.submitted_at',
            'staff.display_name',
          ])
          .where('report_submission.period', 'in', keys)
          .execute();
  const byKey = new Map(submissions.map((row) => [`${row.kind}|${row.period}`, row]));
  const reports = periods.map(({ kind, period }): ReportDue => {
    const submission = byKey.get(`${kind}|${period}`);
    const { first, last } = periodDates(kind, period)!;
    return {
      kind,
      period,
      first,
      last,
      deadline: deadlineOf(kind, period, timeZone),
      state: dueState(kind, period, {
        businessDate: open,
        now,
        timeZone,
        submittedAt: submission?.submitted_at ?? null,
      }),
      submission: submission
        ? {
            id: submission.id,
            by: { id: submission.submitted_by, name: submission.display_name ?? submission.submitted_by },
            at: submission.submitted_at,
          }
        : null,
    };
  });
  return { month, timeZone, businessDate: open, kinds: [...kinds], reports };
}
