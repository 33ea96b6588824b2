/**
 * Complaints of the day (or of the week, for the weekly report): opened (with the service team's
 * measures over them), resolved and closed in it, and the running tickets overdue at its end — or
 * now, for a period not yet over — read from the same clocks the complaint lists show.
 */
import type { Kysely } from 'kysely';
import type { ReportSection } from '@shared/contract/reports';
import type { Database } from '../../../db/schema';
import { clocksOf, loadClockPolicy } from '../../complaints/clock';
import { complaintMeasures } from '../../complaints/measures';
import { CLOCK_COLUMNS, viewQuery, worst } from '../../complaints/read';
import { count, datesOfDay, figure, rate, section, type Dates, type Day } from './values';

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

export async function complaintSection(db: Kysely<Database>, day: Day, now: Date): Promise<ReportSection> {
  const { measures, resolved, closed, overdue } = await complaintCounts(db, datesOfDay(day), now);
  return section('complaints', {
    figures: [
      figure('complaintsOpened', count(measures.opened)),
      figure('complaintsResolved', count(resolved)),
      figure('complaintsClosed', count(closed)),
      figure('complaintsOverdue', count(overdue)),
      figure('firstContactResolution', rate(measures.firstContactResolutionRate)),
      figure('withinTarget', rate(measures.withinTargetRate)),
    ],
    notes: [{ key: 'complaintsOverdueRunning' }],
  });
}
