/**
 * The home screen's figures, each read through the service its own page uses (the day's lists,
 * complaint counts and lists, call-backs, approval counts, the availability grid, the report
 * calendar, sync and backup status, the staff list), so a count on the home screen is always the
 * length of the list a click opens. This module only picks, orders and trims.
 */
import type { Kysely } from 'kysely';
import type { ComplaintSummary, OperationName } from '@shared/contract';
import {
  HOME_LIST_LIMIT,
  type HomeDesk,
  type HomeHouse,
  type HomeLayout,
  type HomeList,
  type HomeNight,
  type HomeOverview,
  type HomeTasks,
} from '@shared/contract/home';
import type { ReportDue } from '@shared/contract/report-operations';
import { occupancy } from '@shared/rules/hotel-kpis';
import { dateRange } from '@shared/rules/stay';
import type { Permission, Role } from '@shared/permissions';
import { addMonths } from '@shared/time';
import type { Database } from '../../db/schema';
import { approvalHandlers } from '../approvals/handlers';
import { bookingHandlers } from '../bookings/handlers';
import { availabilityGrid } from '../bookings/grid';
import { listCallbacks } from '../callbacks/read';
import { awaitedSeverities, complaintCounts } from '../complaints/counts';
import { listComplaints, worst } from '../complaints/read';
import { reportCalendar } from '../reports/calendar';
import { FILED_KINDS } from '../reports/submission-handlers';
import type { Handler, PlainHandler, SignedInContext } from '../rpc/handler';
import { staffHandlers } from '../staff/handlers';

export function layoutOf(role: Role): HomeLayout {
  if (role === 'agent' || role === 'service_rep') return 'desk';
  return role === 'admin' ? 'admin' : 'manager';
}

/** Nights the occupancy strip shows: tonight and the next seven. */
export const OCCUPANCY_NIGHTS = 8;

/** Another operation's query handler, called as its page calls it. */
function plain<N extends OperationName>(handler: Handler<N>): PlainHandler<N> {
  if (typeof handler !== 'function') throw new Error('a staged handler is not a read');
  return handler;
}

const listOf = <T>(all: T[]): HomeList<T> => ({ count: all.length, items: all.slice(0, HOME_LIST_LIMIT) });

export async function homeDesk(ctx: SignedInContext): Promise<HomeDesk> {
  const day = await plain(bookingHandlers['bookings.day'])(ctx, {});
  return {
    arrivals: listOf(day.arrivals),
    departures: listOf(day.departures),
    inHouse: day.inHouse.length,
  };
}

const URGENCY = { overdue: 0, due_soon: 1, ok: 2 } as const;

/** Hand-overs waiting for me first, then overdue, due soon, the rest; newest first within each. */
function byUrgency(staffId: string) {
  const rank = (c: ComplaintSummary) => (c.pendingOwner?.id === staffId ? -1 : URGENCY[worst(c)]);
  return (a: ComplaintSummary, b: ComplaintSummary) => rank(a) - rank(b);
}

export async function homeTasks(ctx: SignedInContext): Promise<HomeTasks> {
  const { db, session, now } = ctx;
  const counts = await complaintCounts(db, session, now);
  const mine = await listComplaints(
    db,
    session.staffId,
    { view: 'mine', severity: null, guestId: null, bookingId: null, limit: 500 },
    now,
  );
  const callbacks = await listCallbacks(db, 'today', now);
  return {
    complaints: { count: counts.mine, items: [...mine].sort(byUrgency(session.staffId)).slice(0, HOME_LIST_LIMIT) },
    offeredToMe: mine.filter((c) => c.pendingOwner?.id === session.staffId).length,
    dueSoon: mine.filter((c) => worst(c) === 'due_soon').length,
    overdue: mine.filter((c) => worst(c) === 'overdue').length,
    callbacks: listOf(callbacks),
  };
}

/** Rooms on the books against sellable rooms, all room types together, night by night. */
export async function occupancyAhead(db: Kysely<Database>, from: string): Promise<HomeNight[]> {
  const rows = await availabilityGrid(db, from, OCCUPANCY_NIGHTS);
  return dateRange(from, OCCUPANCY_NIGHTS).map((night, i) => {
    const cells = rows.map((row) => row.cells[i]!);
    const sold = cells.reduce((sum, cell) => sum + cell.sold, 0);
    const sellable = cells.reduce((sum, cell) => sum + cell.rooms, 0);
    return {
      night,
      sold,
      sellable,
      occupancy: occupancy(sold, sellable),
      closed: cells.some((cell) => cell.closed),
    };
  });
}

const REPORT_ORDER = { late: 0, due: 1 } as const;

/** Reports finished and not yet submitted, of this month and the last (a monthly report falls due in the next): late first. */
export async function reportsWaiting(db: Kysely<Database>, now: Date, businessDate: string): Promise<ReportDue[]> {
  const month = businessDate.slice(0, 7);
  const months = [addMonths(`${month}-01`, -1).slice(0, 7), month];
  const reports: ReportDue[] = [];
  for (const m of months) reports.push(...(await reportCalendar(db, { month: m, now, kinds: FILED_KINDS })).reports);
  return reports
    .filter(
      (report): report is ReportDue & { state: 'late' | 'due' } => report.state === 'late' || report.state === 'due',
    )
    .sort((a, b) => REPORT_ORDER[a.state] - REPORT_ORDER[b.state] || a.deadline.localeCompare(b.deadline));
}

/** What the manager's home shows, each part only with the permission its page needs. */
export async function homeOverview(
  ctx: SignedInContext,
  can: (permission: Permission) => boolean,
  businessDate: string,
): Promise<HomeOverview> {
  const { db, now, session } = ctx;
  const supervises = can('complaints.supervise');
  const counts = supervises ? await complaintCounts(db, session, now) : null;
  return {
    occupancy: can('bookings.view') ? await occupancyAhead(db, businessDate) : null,
    approvals: can('approvals.decide') ? await plain(approvalHandlers['approvals.counts'])(ctx, {}) : null,
    openConflicts: can('conflicts.resolve') ? (await ctx.sync.status()).openConflicts : null,
    complaints: counts && {
      overdue: counts.overdue,
      dueSoon: counts.dueSoon,
      awaitingSupervisor: counts.awaitingSupervisor,
      awaitingSeverity: awaitedSeverities(session.role).length === 1 ? awaitedSeverities(session.role)[0]! : null,
    },
    reports: can('reports.view') ? await reportsWaiting(db, now, businessDate) : null,
  };
}

export async function homeHouse(ctx: SignedInContext, can: (permission: Permission) => boolean): Promise<HomeHouse> {
  let backups: HomeHouse['backups'] = null;
  if (can('backup.manage')) {
    const status = await ctx.backups.status(ctx.db);
    const latest = status.backups.reduce<(typeof status.backups)[number] | null>(
      (last, file) => (last === null || file.at > last.at ? file : last),
      null,
    );
    backups = { latest, count: status.backups.length, second: status.second };
  }
  let sync: HomeHouse['sync'] = null;
  if (can('sync.manage')) {
    const status = await ctx.sync.status();
    sync = {
      enrolled: status.enrolled,
      online: status.online,
      lastSyncAt: status.lastSyncAt,
      lastError: status.lastError,
      pendingCount: status.pendingCount,
      openConflicts: status.openConflicts,
    };
  }
  let staff: HomeHouse['staff'] = null;
  if (can('staff.manage')) {
    const members = await plain(staffHandlers['staff.list'])(ctx, {});
    const at = ctx.now.toISOString();
    staff = {
      active: members.filter((m) => m.active).length,
      inactive: members.filter((m) => !m.active).length,
      lockedOut: members.filter((m) => m.active && m.lockedUntil !== null && m.lockedUntil > at).length,
    };
  }
  return { backups, sync, staff };
}
