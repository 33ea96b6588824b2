/** Conflicts the server raises when desks sold the same last unit offline, and how supervisors resolve them. */
import type { Json } from '../json';

/**
 * room_inventory, ticket_capacity, points_balance: raised by the server when desks sold the same
 * last unit offline. rebase_refused: raised by a desk when a change it made offline could not be
 * run again on the property's newer state (the booking was cancelled elsewhere meanwhile): the
 * change is named, with who made it, where and when; money it took stays recorded.
 */
export const CONFLICT_KINDS = ['room_inventory', 'ticket_capacity', 'points_balance', 'rebase_refused'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** change: the subject is the refused change itself (a rebase_refused work item about no booking, order or member). */
export const CONFLICT_SUBJECTS = ['booking', 'ticket_order', 'member', 'change'] as const;
export type ConflictSubject = (typeof CONFLICT_SUBJECTS)[number];

/**
 * move: another room type at the booked price; upgrade: a better room type, no charge;
 * accept: keep the overbooking (the supervisor's decision is the approval);
 * cancel: cancel without penalty, with the guest informed; acknowledge: a refused change was dealt
 * with by hand (refunded, or made again), nothing for the software to change.
 */
export const CONFLICT_RESOLUTIONS = ['move', 'upgrade', 'accept', 'cancel', 'acknowledge'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

/** The `sync_conflict` row as stored on the server and every desk of the property. */
export interface ConflictRow {
  id: string;
  kind: ConflictKind;
  subject_type: ConflictSubject;
  subject_id: string;
  /** What the server counted: { night, roomTypeId, rooms, sold } or { slotId, visitDate, capacity, sold } or { balance }. */
  detail_json: Json<Record<string, string | number>>;
  /** The desk whose sale arrived second. */
  device_id: string;
  status: 'open' | 'resolved';
  resolution: ConflictResolution | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
  server_version: number | null;
}
