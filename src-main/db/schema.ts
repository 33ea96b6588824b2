/**
 * Kysely table types of the desk's local database. Column names are snake_case as stored;
 * booleans are INTEGER 0/1, instants ISO-8601 UTC text, money integer fen.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface PropertyTable {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  idle_lock_minutes: number;
  created_at: string;
  updated_at: string;
}

/** This desk: one row, made when the database is first opened. */
export interface DeviceTable {
  id: string;
  code: string;
  /** The last outbox sequence number used; grows by one per queued mutation. */
  last_seq: number;
  created_at: string;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface RolePermissionTable {
  role: string;
  permission: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  device_id: string;
  actor_id: string | null;
  actor_name: string | null;
  operation: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  detail_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  seq: number;
  id: string;
  name: string;
  input_json: string;
  schema_version: number;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value_json: string;
}

export interface RoomTypeTable {
  id: string;
  code: string;
  name: string;
  capacity: number;
  base_rate_fen: number;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface RoomTable {
  id: string;
  number: string;
  floor: number;
  room_type_id: string;
  features_json: string;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface GuestTable {
  id: string;
  customer_no: string;
  name: string;
  phone: string | null;
  segment: string;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface ApprovalRuleTable {
  operation: string;
  needs_approval: number;
  min_approver_role: string | null;
  approval_min_fen: number | null;
  dual_review: number;
  dual_review_min_fen: number | null;
}

export interface ApprovalTierTable {
  position: number;
  max_amount_fen: number | null;
  approver_role: string;
}

export interface ApprovalRequestTable {
  id: string;
  operation: string;
  input_json: string;
  subject_type: string;
  subject_id: string | null;
  subject_label: string;
  amount_fen: number | null;
  reason: string;
  requester_id: string;
  requester_name: string;
  requester_role: string;
  desk_id: string;
  status: string;
  awaiting_role: string | null;
  awaiting_review: number;
  emergency: number;
  paperwork_due_at: string | null;
  paperwork_done_at: string | null;
  paperwork_note: string | null;
  paperwork_overdue_logged: number;
  error_code: string | null;
  result_json: string | null;
  created_at: string;
  decided_at: string | null;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface ApprovalDecisionTable {
  id: string;
  request_id: string;
  kind: string;
  approved: number;
  reviewed: number;
  emergency: number;
  at_desk: number;
  decider_id: string;
  decider_name: string;
  decider_role: string;
  comment: string;
  created_at: string;
}

export interface Database {
  property: PropertyTable;
  device: DeviceTable;
  staff: StaffTable;
  role_permission: RolePermissionTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  setting: SettingTable;
  room_type: RoomTypeTable;
  room: RoomTable;
  guest: GuestTable;
  approval_rule: ApprovalRuleTable;
  approval_tier: ApprovalTierTable;
  approval_request: ApprovalRequestTable;
  approval_decision: ApprovalDecisionTable;
}

export type StaffRow = Selectable<StaffTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
export type ApprovalRequestRow = Selectable<ApprovalRequestTable>;
export type ApprovalDecisionRow = Selectable<ApprovalDecisionTable>;
