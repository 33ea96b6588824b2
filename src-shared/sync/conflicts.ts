/** Conflicts the server raises when desks sold the same last unit offline, and how supervisors resolve them. */
export const CONFLICT_KINDS = ['room_inventory', 'ticket_capacity', 'points_balance'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CONFLICT_SUBJECTS = ['booking', 'ticket_order', 'member'] as const;
export type ConflictSubject = (typeof CONFLICT_SUBJECTS)[number];

/**
 * move: another room type at the booked price; upgrade: a better room type, no charge;
 * accept: keep the overbooking (the supervisor's decision is the approval);
 * cancel: cancel without penalty, with the guest informed; void: nothing left to resolve
 * (the sale was cancelled or changed meanwhile).
 */
export const CONFLICT_RESOLUTIONS = ['move', 'upgrade', 'accept', 'cancel'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

/** The `sync_conflict` row as stored on the server and every desk of the property. */
export interface ConflictRow {
  id: string;
  kind: ConflictKind;
  subject_type: ConflictSubject;
  subject_id: string;
  /** What the server counted: { night, roomTypeId, rooms, sold } or { slotId, visitDate, capacity, sold } or { balance }. */
  detail_json: string;
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
