/**
 * Complaints of the day (or of the week, for the weekly report): opened (with the service team's
 * measures over them), resolved and closed in it, and the running tickets overdue at its end — or
 * now, for a period not yet over — read from the same clocks the complaint lists show.
 */
import type { Kysely } from 'kysely';
import type { ComplaintMeasures } from '@shared/contract/complaints';
import type { ReportFigure, ReportSection } from '@shared/contract/reports';
import type { Database } from '../../../db/schema';
import { clocksOf, loadClockPolicy } from '../../complaints/clock';
import { complaintMeasures } from '../../complaints/measures';
import { CLOCK_COLUMNS, viewQuery, worst } from '../../complaints/read';
import { count, datesOfDay, figure, number, rate, section, type Dates, type Day } from '../values';

const RUNNING = { view: 'overdue', severity: null, guestId: null, bookingId: null, limit: 0 } as const;

/** The complaints of local dates `from` … `to`: their measures, how many were resolved and closed in them, and how many were overdue at their end (or now, before then). */
export async function complaintCounts(db: Kysely<Database>, { from, to, start, end }: Dates, now: Date) {
  const measures = await complaintMeasures(db, { from, to }, now);
  const within = (column: 'resolved_at' | 'closed_at') =>
    db
      .selectFrom('complaint')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '>=', start)
      .where(column, '<', end)
      .executeTakeFirstOrThrow();
  const resolved = await within('resolved_at');
  const closed = await within('closed_at');
  const at = new Date(Math.min(now.getTime(), Date.parse(end)));
  const running = await viewQuery(db, '', RUNNING)
    .where('complaint.opened_at', '<', end)
    .select(CLOCK_COLUMNS)
    .execute();
  const clocks = await clocksOf(db, running, await loadClockPolicy(db), at);
  const overdue = [...clocks.values()].filter((clock) => worst(clock) === 'overdue').length;
  return { measures, resolved: Number(resolved.n), closed: Number(closed.n), overdue };
}

/** The complaints opened, resolved and closed in the period, and those overdue at its end (or now). */
export const countFigures = ({
  measures,
  resolved,
  closed,
  overdue,
}: Awaited<ReturnType<typeof complaintCounts>>): ReportFigure[] => [
  figure('complaintsOpened', count(measures.opened)),
  figure('complaintsResolved', count(resolved)),
  figure('complaintsClosed', count(closed)),
  figure('complaintsOverdue', count(overdue)),
];

/** The service team's measures over the complaints opened in the period, as the complaints screen computes them. */
export const measureFigures = (measures: ComplaintMeasures): ReportFigure[] => [
  figure('withinTargetRate', rate(measures.withinTargetRate)),
  figure('firstContactResolutionRate', rate(measures.firstContactResolutionRate)),
  figure('callbacksWithin24hRate', rate(measures.callbacksWithin24hRate)),
  figure('satisfactionScore', number(measures.satisfactionScore, 2)),
  figure('medianResponseWorkingHours', number(measures.medianResponseWorkingHours, 1)),
  figure('medianResolutionWorkingHours', number(measures.medianResolutionWorkingHours, 1)),
];

export async function complaintSection(db: Kysely<Database>, day: Day, now: Date): Promise<ReportSection> {
  const counts = await complaintCounts(db, datesOfDay(day), now);
  const { measures } = counts;
  return section('complaints', {
    figures: [
      ...countFigures(counts),
      figure('firstContactResolution', rate(measures.firstContactResolutionRate)),
      figure('withinTarget', rate(measures.withinTargetRate)),
    ],
    notes: [{ key: 'complaintsOverdueRunning' }],
  });
}
