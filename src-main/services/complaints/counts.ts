/**
 * What waits for the signed-in person: the navigation badges and the home tile. A supervisor
 * watches every running ticket's clocks, others their own; supervisors see major complaints
 * still without a co-owner, directors group ones too. Call-backs due are the service team's, everyone's.
 */
import type { Kysely } from 'kysely';
import type { ComplaintCounts, ComplaintSeverity } from '@shared/contract';
import type { Role } from '@shared/permissions';
import { APPROVER_RANK } from '@shared/rules/approval-tiers';
import { localDateOf, localDayStartUtc, nextLocalDate } from '@shared/time';
import type { Database } from '../../db/schema';
import { listCallbacks } from '../callbacks/read';
import { hasPermission } from '../permissions';
import type { Session } from '../session-holder';
import { clocksOf, loadClockPolicy } from './clock';
import { CLOCK_COLUMNS, viewQuery, worst } from './read';

const NO_FILTER = { severity: null, guestId: null, bookingId: null, limit: 0 } as const;

/** The complaints without a co-owner that wait for a supervisor of `role`: major ones, from a director up group ones too. */
export function awaitedSeverities(role: Role): Exclude<ComplaintSeverity, 'general'>[] {
  return APPROVER_RANK[role] >= APPROVER_RANK.director ? ['major', 'group'] : ['major'];
}

export async function complaintCounts(db: Kysely<Database>, session: Session, now: Date): Promise<ComplaintCounts> {
  const supervises = await hasPermission(db, session.role, 'complaints.supervise');
  const mine = await viewQuery(db, session.staffId, { ...NO_FILTER, view: 'mine' })
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const watched = await viewQuery(db, session.staffId, { ...NO_FILTER, view: supervises ? 'open' : 'mine' })
    .where('complaint.status', 'in', ['open', 'responded'])
    .select(CLOCK_COLUMNS)
    .execute();
  const policy = await loadClockPolicy(db);
  const clocks = [...(await clocksOf(db, watched, policy, now)).values()];
  const endOfToday = localDayStartUtc(nextLocalDate(localDateOf(now, policy.zone)), policy.zone);
  const dueToday = clocks.filter((clock) =>
    [clock.response, clock.resolution].some((c) => c.state !== 'met' && c.dueAt !== null && c.dueAt < endOfToday),
  ).length;
  let awaitingSupervisor = 0;
  if (supervises) {
    const row = await viewQuery(db, session.staffId, { ...NO_FILTER, view: 'unassigned' })
      .where('complaint.severity', 'in', awaitedSeverities(session.role))
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    awaitingSupervisor = Number(row.count);
  }
  // The call-backs page's own "today" list, so the badge and the list it opens agree.
  const callbacks = await listCallbacks(db, 'today', now);
  return {
    mine: Number(mine.count),
    dueSoon: clocks.filter((clock) => worst(clock) === 'due_soon').length,
    overdue: clocks.filter((clock) => worst(clock) === 'overdue').length,
    awaitingSupervisor,
    dueToday,
    callbacksDueToday: callbacks.length,
  };
}
