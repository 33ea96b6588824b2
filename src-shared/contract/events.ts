/**
 * What the host tells its windows without being asked, and what each event makes the renderer
 * read again: the sync status as a run goes, the rows a sync brought from other desks (anything
 * may have changed), the open conflicts and the approval requests (the navigation badges).
 */
import type { Invalidated } from './invalidations';

export const DESK_EVENTS = ['sync.status', 'sync.received', 'conflicts', 'approvals'] as const;
export type DeskEvent = (typeof DESK_EVENTS)[number];

export function isDeskEvent(value: unknown): value is DeskEvent {
  return typeof value === 'string' && (DESK_EVENTS as readonly string[]).includes(value);
}

export const eventInvalidates: { readonly [E in DeskEvent]: Invalidated } = {
  'sync.status': ['sync.status', 'home.today'],
  'sync.received': 'all',
  conflicts: ['conflicts.list', 'sync.status', 'bookings.get', 'home.today'],
  approvals: ['approvals.counts', 'approvals.list', 'approvals.get', 'home.today'],
};
