/**
 * Complaints of the day: opened (with the service team's measures over them), resolved and
 * closed that day, and the running tickets overdue at the day's end — or now, for a day not yet
 * over — read from the same clocks the complaint lists show.
 */
import type { Kysely } from 'kysely';
import type { ReportSection } from '@shared/contract/reports';
import type { Database } from '../../../db/schema';
import { clocksOf, loadClockPolicy } from '../../complaints/clock';
import { complaintMeasures } from '../../complaints/measures';
import { CLOCK_COLUMNS, viewQuery, worst } from '../../complaints/read';
import { count, figure, rate, section, type Day } from './values';

const RUNNING = { view: 'overdue', severity: null, guestId: null, bookingId: null, limit: 0 } as const;

export async function complaintSection(db: Kysely<Database>, day: Day, now: Date): Promise<ReportSection> {
  const measures = await complaintMeasures(db, { from: day.date, to: day.date }, now);
  const within = (column: 'resolved_at' | 'closed_at') =>
    db
      .selectFrom('complaint')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '>=', day.start)
      .where(column, '<', day.end)
      .executeTakeFirstOrThrow();
  const resolved = await within('resolved_at');
  const closed = await within('closed_at');
  const at = new Date(Math.min(now.getTime(), Date.parse(day.end)));
  const running = await viewQuery(db, '', RUNNING)
    .where('complaint.opened_at', '<', day.end)
    .select(CLOCK_COLUMNS)
    .execute();
  const clocks = await clocksOf(db, running, await loadClockPolicy(db), at);
  const overdue = [...clocks.values()].filter((clock) => worst(clock) === 'overdue').length;
  return section('complaints', {
    figures: [
      figure('complaintsOpened', count(measures.opened)),
      figure('complaintsResolved', count(Number(resolved.n))),
      figure('complaintsClosed', count(Number(closed.n))),
      figure('complaintsOverdue', count(overdue)),
      figure('firstContactResolution', rate(measures.firstContactResolutionRate)),
      figure('withinTarget', rate(measures.withinTargetRate)),
    ],
    notes: [{ key: 'complaintsOverdueRunning' }],
  });
}
