/**
 * Aggregate roots: the units a business rule reads whole before it changes them — a booking with
 * its nights, payments, changes and cancellation; a ticket order with its visitors; a member with
 * the points ledger; a complaint with its timeline, plan and compensation; a call-back; a room; the
 * property's business day. Every synced row belongs to at most one root.
 *
 * A room is a root so that who holds it is decided in a serial order: every operation that gives a
 * room to a booking for some nights (a pre-assignment, a check-in, a move, a change of a stay that
 * has a room) writes the room's row, so two desks giving one room to two stays apart meet here —
 * the second is stale, runs again on the first's state and is refused there, surfaced as a work item
 * (the conflict is materialized in the room's row, not left to two bookings that never touch).
 * A pushed mutation carries the version of each root it wrote as its desk saw it; the server
 * refuses it as `stale` when another desk has changed that root since, and the desk re-runs it.
 * Rows outside any root (setup, staff, policies) merge column by column.
 */
import type { SyncRow } from './tables';

const text = (value: unknown): string => String(value);

type RootOf = (row: SyncRow) => string | null;

const ROOTS: Readonly<Record<string, RootOf>> = {
  booking: (row) => `booking:${text(row.id)}`,
  booking_night: (row) => `booking:${text(row.booking_id)}`,
  booking_change: (row) => `booking:${text(row.booking_id)}`,
  payment: (row) => `booking:${text(row.booking_id)}`,
  cancellation: (row) =>
    row.booking_id != null ? `booking:${text(row.booking_id)}` : `ticket_order:${text(row.ticket_order_id)}`,
  ticket_order: (row) => `ticket_order:${text(row.id)}`,
  ticket_visitor: (row) => `ticket_order:${text(row.order_id)}`,
  member: (row) => `member:${text(row.id)}`,
  points_entry: (row) => `member:${text(row.member_id)}`,
  complaint: (row) => `complaint:${text(row.id)}`,
  complaint_event: (row) => `complaint:${text(row.complaint_id)}`,
  complaint_plan_item: (row) => `complaint:${text(row.complaint_id)}`,
  complaint_compensation: (row) => `complaint:${text(row.complaint_id)}`,
  callback: (row) => `callback:${text(row.id)}`,
  room: (row) => `room:${text(row.id)}`,
  // A contract's versions are numbered within it; an allowance is used once.
  archive_document: (row) => `archive_document:${text(row.id)}`,
  archive_file: (row) => `archive_document:${text(row.document_id)}`,
  archive_grant: (row) => `archive_grant:${text(row.id)}`,
  setting: (row) => (row.key === 'businessDate' ? 'business_day' : null),
};

/** The root a row belongs to, or null. */
export function rootOf(table: string, row: SyncRow): string | null {
  return Object.hasOwn(ROOTS, table) ? ROOTS[table]!(row) : null;
}

/** The roots of a set of writes (each write as the row after it, or before it when deleted). */
export function rootsOf(
  writes: Iterable<{ table: string; row: SyncRow | null; before?: SyncRow | null }>,
): Set<string> {
  const roots = new Set<string>();
  for (const { table, row, before } of writes) {
    const subject = row ?? before ?? null;
    const root = subject ? rootOf(table, subject) : null;
    if (root !== null) roots.add(root);
  }
  return roots;
}
