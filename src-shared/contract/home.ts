/**
 * The home screen's one read: what today holds for the signed-in person, by role. The front desk
 * (agents, service reps) sees the day's arrivals, departures and in-house guests with what is left
 * to do and their own tasks; supervisors, directors and general managers see occupancy, what waits
 * for their decision and what is overdue; administrators the state of the house (backups, sync,
 * staff). A section is null when the role's home does not show it or the person lacks the
 * permission behind it, so the screen never shows what its own page would refuse.
 */
import { z } from 'zod';
import type { Role } from '../permissions';
import type { ApprovalCounts } from './approvals';
import type { BookingSummary } from './bookings';
import type { Callback } from './callbacks';
import type { ComplaintSeverity, ComplaintSummary } from './complaints';
import { query } from './define';
import type { ReportDue } from './report-operations';
import type { BackupFile, SecondCopyStatus } from './settings';

/** Which home a role gets. */
export type HomeLayout = 'desk' | 'manager' | 'admin';

/** How many items a home list shows; its count says how many there are in all. */
export const HOME_LIST_LIMIT = 6;

export interface HomeList<T> {
  count: number;
  /** The first HOME_LIST_LIMIT, in the order they are to be dealt with. */
  items: T[];
}

/** The day at the desk (bookings.view). */
export interface HomeDesk {
  /** Due today and not yet checked in. */
  arrivals: HomeList<BookingSummary>;
  /** Due out today (or earlier) and not yet checked out. */
  departures: HomeList<BookingSummary>;
  inHouse: number;
}

/** What waits for this person (complaints.handle). */
export interface HomeTasks {
  /** Complaints owned, co-owned or offered to me, not closed: those due first. */
  complaints: HomeList<ComplaintSummary>;
  /** Of those, hand-overs offered to me and not yet accepted. */
  offeredToMe: number;
  dueSoon: number;
  overdue: number;
  /** Open satisfaction call-backs whose time to call comes before the end of today (the service team's). */
  callbacks: HomeList<Callback>;
}

/** One night's rooms on the books against the rooms that can be sold. */
export interface HomeNight {
  night: string;
  sold: number;
  /** Rooms that can be sold (out-of-order rooms excluded). */
  sellable: number;
  /** sold ÷ sellable, or null with nothing to sell. */
  occupancy: number | null;
  closed: boolean;
}

/** What a supervisor, director or general manager watches. */
export interface HomeOverview {
  /** Tonight and the next seven nights (bookings.view). */
  occupancy: HomeNight[] | null;
  /** Requests this person may decide, and emergency approvals' paperwork past due (approvals.decide). */
  approvals: ApprovalCounts | null;
  /** Sync conflicts still open (conflicts.resolve). */
  openConflicts: number | null;
  /**
   * Every running complaint's clocks, and major or group ones without a co-owner (complaints.supervise).
   * awaitingSeverity: the one severity awaited (a supervisor's major ones), or null for every
   * severity the "no supervisor yet" view holds — what the count's link filters by.
   */
  complaints: {
    overdue: number;
    dueSoon: number;
    awaitingSupervisor: number;
    awaitingSeverity: ComplaintSeverity | null;
  } | null;
  /** Reports finished and not yet submitted: due, then late (reports.view). */
  reports: ReportDue[] | null;
}

/** What an administrator keeps an eye on. */
export interface HomeHouse {
  /** This desk's latest backup and its second copy (backup.manage). */
  backups: { latest: BackupFile | null; count: number; second: SecondCopyStatus } | null;
  /** This desk's link to the central server (sync.manage). */
  sync: {
    enrolled: boolean;
    online: boolean | null;
    lastSyncAt: string | null;
    lastError: string | null;
    pendingCount: number;
    openConflicts: number;
  } | null;
  /** Staff accounts (staff.manage). */
  staff: { active: number; inactive: number; lockedOut: number } | null;
}

export interface HomeToday {
  layout: HomeLayout;
  role: Role;
  businessDate: string;
  desk: HomeDesk | null;
  tasks: HomeTasks | null;
  overview: HomeOverview | null;
  house: HomeHouse | null;
}

export const homeOperations = {
  'home.today': query<HomeToday>()({ name: 'home.today', input: z.object({}), access: 'signed-in' }),
};
