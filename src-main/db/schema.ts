/**
 * Kysely table types of the desk's local database. Column names are snake_case as stored;
 * booleans are INTEGER 0/1, instants ISO-8601 UTC text, money integer fen.
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { AuditDetail, AuditOutcome } from '@shared/contract/audit';
import type { ApprovalStatus, DecisionKind } from '@shared/contract/approvals';
import type { ArchiveSubjectType, ArchiveTier, ContractStatus, RecordKind } from '@shared/contract/archive';
import type { AuthMethod, BookingChangeKind, Guarantee, PaymentKind, PaymentMethod } from '@shared/contract/bookings';
import type { CancelReason } from '@shared/contract/cancellations';
import type { Segment } from '@shared/contract/guests';
import type { Channel } from '@shared/contract/inventory';
import type {
  ComplaintChannel,
  ComplaintEventKind,
  ComplaintSeverity,
  ComplaintStatus,
  CompensationKind,
  GroupPlanStep,
  TargetUnit,
} from '@shared/contract/complaints';
import type { CallbackKind, CallbackOutcome, CallbackStatus } from '@shared/contract/callbacks';
import type { ReportDocument, ReportKind } from '@shared/contract/reports';
import type { CareTask, Member, PointsEntry } from '@shared/contract/members';
import type { IdType, TicketOrder } from '@shared/contract/tickets';
import type { ErrorCode } from '@shared/errors';
import type { Json } from '@shared/json';
import type { Permission, Role } from '@shared/permissions';
import type { BookingStatus, RoomStatus } from '@shared/rules/booking-status';
import type { CancellationPolicy, CancellationRule } from '@shared/rules/cancellation';
import type { LedgerKind } from '@shared/rules/points';
import type { NightPrice } from '@shared/rules/pricing';
import type { ConflictRow } from '@shared/sync/conflicts';
import type { Effect } from '@shared/sync/protocol';

export interface PropertyTable {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  idle_lock_minutes: number;
  /** The longest stay sold, in nights (bookings.quote, create and change refuse a longer one). */
  max_stay_nights: Generated<number>;
  /** Printed on vouchers, when given. */
  address: string | null;
  phone: string | null;
  /** The property key wrapped by the recovery passphrase (a RecoveryEnvelope as JSON); null on a property set up before the vault. */
  key_envelope: string | null;
  /** The property key's public fingerprint. */
  key_id: string | null;
  created_at: string;
  updated_at: string;
}

/** This desk: one row, made when the database is first opened. */
export interface DeviceTable {
  id: string;
  code: string;
  /** The last outbox sequence number used; grows by one per queued mutation. */
  last_seq: number;
  /** This desk's audit key sealed under the property key (escrow for a restore on a new PC). */
  audit_key_sealed: string | null;
  created_at: string;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  /** Salt and Ed25519 public key of the person's signing key (made with the password; null until then). */
  sign_salt: string | null;
  sign_key: string | null;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface RolePermissionTable {
  role: Role;
  permission: Permission;
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
  outcome: AuditOutcome;
  detail_json: Json<AuditDetail> | null;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  seq: number;
  id: string;
  name: string;
  input_json: Json<unknown>;
  schema_version: number;
  created_at: string;
  /** The synced rows the mutation wrote, as JSON `Effect[]` (src-shared/sync/protocol). */
  effects_json: Generated<Json<Effect[]>>;
  actor_id: string | null;
  approval_id: string | null;
  /** The version of each aggregate root the mutation wrote, as this desk saw it: `{ root: version }`. */
  bases_json: Generated<Json<Record<string, number>>>;
  /** The rows it wrote as they were before it (null: absent), as JSON `Effect[]`, to undo it on a rebase. */
  befores_json: Generated<Json<Effect[]>>;
  /** Who signed the intent (the actor, or the approver of a held operation) and the signature. */
  signed_by: string | null;
  signature: string | null;
  /** The ids and human numbers its handler made, in order (`Made`), made again the same on a rebase. */
  made_json: Generated<Json<Made>>;
}

/** The ids and human numbers a handler made, in order (src-main/services/made.ts). */
export interface Made {
  ids: string[];
  numbers: string[];
}

/** One row: set while a rebase takes back the desk's own pending ledger entries. */
export interface SyncUndoTable {
  id: number;
  active: number;
}

/** The latest version of each aggregate root this desk has pulled. */
export interface SyncRootTable {
  root_key: string;
  version: number;
}

/** One row: this desk's connection to the central server and its pull cursor. */
export interface SyncStateTable {
  id: number;
  server_url: string | null;
  property_id: string | null;
  cursor: number;
  enrolled_at: string | null;
  last_sync_at: string | null;
  /** 1: plain HTTP over a network, chosen at enrolment ("insecure, lab only"). */
  allow_insecure: Generated<number>;
  /** The last head of this desk's audit chain the server acknowledged. */
  audit_checkpoint_seq: number | null;
  audit_checkpoint_hash: string | null;
  /** When the server recorded it. */
  audit_checkpoint_at: string | null;
}

/** Wrong passwords for usernames this desk does not know, counted as a known account's are (no lockout answer tells them apart). */
export interface SigninFailureTable {
  username: string;
  failed_attempts: number;
  locked_until: string | null;
  updated_at: string;
}

/** Filled by triggers on every synced table; emptied into the outbox by each synced mutation. */
export interface SyncTouchedTable {
  table_name: string;
  row_key: string;
}

/** Mutations the server refused, kept for the desk to see. */
export interface SyncRejectionTable {
  seq: number;
  name: string;
  reason: string;
  detail: string | null;
  at: string;
}

/** Other desks' audit entries, kept beside (not inside) this desk's hash chain. */
export type AuditRemoteTable = Omit<AuditLogTable, 'seq'> & { seq: number };

/** The conflicts the server raised, as every desk of the property holds them. */
export type SyncConflictTable = ConflictRow;

export interface SettingTable {
  key: string;
  /** What each key holds: src-main/services/settings (read and written only through it). */
  value_json: Json<unknown>;
}

export interface RoomTypeTable {
  id: string;
  code: string;
  name: string;
  /** The name in English (a voucher in English), when given. */
  name_en: string | null;
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
  features_json: Json<string[]>;
  status: RoomStatus;
  /** The housekeeping attendant the room is assigned to (a staff id), if any. */
  attendant_id: string | null;
  /** One more each time who holds the room changes (services/bookings/rooms.ts). */
  hold_seq: Generated<number>;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface GuestTable {
  id: string;
  customer_no: string;
  name: string;
  phone_sealed: string | null;
  phone_hmac: string | null;
  phone_last4: string | null;
  /** What lists show (138****5678). */
  phone_masked: string | null;
  segment: Segment;
  id_type: IdType | null;
  /** Sealed under the property key's field subkey (base64); see src-main/vault. */
  id_number_sealed: string | null;
  /** HMAC of the normalised number under the lookup subkey: exact search only. */
  id_number_hmac: string | null;
  preferences: string | null;
  special_needs: string | null;
  email: string | null;
  temporary: number;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
  /** Personal data erased on the guest's request (PIPL); the row stays for the booking facts. */
  erased_at: string | null;
}

/** Plain ID numbers and phones from before migration 15, until this desk holds the key and seals them (local, never synced). */
export interface GuestUnsealedTable {
  guest_id: string;
  id_number: string | null;
  phone: string | null;
}

export interface ApprovalRuleTable {
  operation: string;
  needs_approval: number;
  min_approver_role: Role | null;
  approval_min_fen: number | null;
  dual_review: number;
  dual_review_min_fen: number | null;
}

export interface ApprovalTierTable {
  position: number;
  max_amount_fen: number | null;
  approver_role: Role;
}

export interface ApprovalRequestTable {
  id: string;
  operation: string;
  input_json: Json<unknown>;
  subject_type: string;
  subject_id: string | null;
  subject_label: string;
  amount_fen: number | null;
  reason: string;
  requester_id: string;
  requester_name: string;
  requester_role: Role;
  desk_id: string;
  status: ApprovalStatus;
  awaiting_role: Role | null;
  awaiting_review: number;
  emergency: number;
  paperwork_due_at: string | null;
  paperwork_done_at: string | null;
  paperwork_note: string | null;
  paperwork_overdue_logged: number;
  error_code: ErrorCode | null;
  result_json: Json<unknown> | null;
  created_at: string;
  decided_at: string | null;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
}

export interface ApprovalDecisionTable {
  id: string;
  request_id: string;
  kind: DecisionKind;
  approved: number;
  reviewed: number;
  emergency: number;
  at_desk: number;
  decider_id: string;
  decider_name: string;
  decider_role: Role;
  comment: string;
  created_at: string;
}

export interface RatePlanTable {
  id: string;
  code: string;
  name: string;
  /** The name in English (a voucher in English), when given. */
  name_en: string | null;
  member_only: number;
  channels_json: Json<Channel[]>;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
  cancellation_policy_json: Json<CancellationPolicy> | null;
}

export interface RatePlanPriceTable {
  id: string;
  rate_plan_id: string;
  room_type_id: string;
  start_date: string;
  end_date: string;
  weekdays: number;
  price_fen: number;
  created_at: string;
}

export interface ClosedDateTable {
  date: string;
  reason: string;
  created_at: string;
}

export interface NumberSequenceTable {
  scope: string;
  last: number;
}

export interface BookingTable {
  id: string;
  number: string;
  guest_id: string;
  channel: Channel;
  status: BookingStatus;
  arrival: string;
  departure: string;
  room_type_id: string;
  room_id: string | null;
  adults: number;
  children: number;
  rate_plan_id: string | null;
  nights_json: Json<NightPrice[]>;
  total_fen: number;
  guarantee: Guarantee;
  special_requests: string;
  created_by: string;
  desk_id: string;
  checked_in_at: string | null;
  checked_out_at: string | null;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
  cancellation_policy_json: Json<CancellationPolicy> | null;
}

export interface BookingNightTable {
  booking_id: string;
  night: string;
  room_type_id: string;
}

export interface BookingChangeTable {
  id: string;
  booking_id: string;
  kind: BookingChangeKind;
  before_json: Json<unknown> | null;
  after_json: Json<unknown> | null;
  auth_method: AuthMethod | null;
  auth_ref: string | null;
  staff_id: string;
  staff_name: string;
  created_at: string;
}

export interface PaymentTable {
  id: string;
  booking_id: string;
  kind: PaymentKind;
  method: PaymentMethod | 'points';
  amount_fen: number;
  reference: string;
  staff_id: string;
  staff_name: string;
  created_at: string;
  server_version: number | null;
}

export interface TicketProductTable {
  id: string;
  code: string;
  name: string;
  price_fen: number;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  deleted_at: string | null;
  cancellation_policy_json: Json<CancellationPolicy> | null;
}

export interface TicketSlotTable {
  id: string;
  product_id: string;
  start_time: string;
  end_time: string;
  capacity: number;
}

export interface TicketOrderTable {
  id: string;
  number: string;
  product_id: string;
  slot_id: string;
  visit_date: string;
  status: TicketOrder['status'];
  total_fen: number;
  created_by: string;
  desk_id: string;
  created_at: string;
  updated_at: string;
  server_version: number | null;
  cancellation_policy_json: Json<CancellationPolicy> | null;
}

export interface TicketVisitorTable {
  id: string;
  order_id: string;
  name: string;
  id_type: IdType;
  /** Sealed under the property key's field subkey (base64), with the keyed hash of the normalised number; null only while a value from before migration 15 waits. */
  id_number_sealed: string | null;
  id_number_hmac: string | null;
  /** What the order shows (110***********1234). */
  id_number_masked: string | null;
  redeemed_at: string | null;
  redeemed_by: string | null;
}

/** Plain visitors' ID numbers from before migration 15, until this desk holds the key and seals them (local, never synced). */
export interface TicketVisitorUnsealedTable {
  visitor_id: string;
  id_number: string;
}

export interface CancellationTable {
  id: string;
  number: string;
  booking_id: string | null;
  ticket_order_id: string | null;
  arrival: string;
  reason: CancelReason;
  note: string;
  penalty_fen: number;
  refund_fen: number;
  waived_fen: number;
  rule: CancellationRule;
  refund_method: PaymentMethod | null;
  staff_id: string;
  staff_name: string;
  created_at: string;
  updated_at: string;
  server_version: number | null;
}

export interface MemberTierTable {
  code: string;
  name: string;
  /** The name the desk shows in English (desk migration 24); null: the Chinese name. */
  name_en: string | null;
  rank: number;
  min_spend_fen: number;
  min_nights: number;
  earn_percent: number;
  discount_percent: number;
}

export interface MemberTable {
  id: string;
  guest_id: string;
  member_no: string;
  card_no: string | null;
  tier_code: string;
  joined_on: string;
  birthday: string | null;
  status: Member['status'];
  created_at: string;
  updated_at: string;
  server_version: number | null;
}

export interface PointsEntryTable {
  id: string;
  member_id: string;
  kind: LedgerKind;
  points: number;
  booking_id: string | null;
  reverses_id: string | null;
  earned_on: string;
  expires_on: string | null;
  note: string;
  status: PointsEntry['status'];
  desk_id: string;
  staff_id: string;
  staff_name: string;
  created_at: string;
  server_version: number | null;
}

export interface CareTaskTable {
  member_id: string;
  kind: CareTask['kind'];
  period: string;
  done_at: string;
  done_by: string;
}

export interface ComplaintCategoryTable {
  code: string;
  name_zh: string;
  name_en: string;
  position: number;
}

export interface ComplaintTable {
  id: string;
  /** K261130-5ZMM-001: unique across desks without a server. */
  number: string;
  opened_at: string;
  opened_by: string;
  device: string;
  channel: ComplaintChannel;
  /** A complaint_category code. */
  category: string;
  severity: ComplaintSeverity;
  guest_id: string | null;
  booking_id: string | null;
  ticket_order_id: string | null;
  description: string;
  expectation: string;
  status: ComplaintStatus;
  owner_id: string;
  /** Offered a hand-over, not yet accepted: the owner stays accountable until then. */
  pending_owner_id: string | null;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  /** The supervisor (a director, for a group complaint) who co-owns it and signs its resolution off. */
  co_owner_id: string | null;
  signed_off_by: string | null;
  signed_off_at: string | null;
  /** Waiting on the guest since then: the deadline clock is paused. */
  waiting_since: string | null;
  created_at: string;
  updated_at: string;
  server_version: number | null;
}

/** Response and resolution targets per severity ("5+X"): policy data. */
export interface ComplaintTargetTable {
  severity: ComplaintSeverity;
  respond_amount: number;
  respond_unit: TargetUnit;
  resolve_amount: number;
  resolve_unit: TargetUnit;
}

/** An admin's correction of the working calendar: a day off the package counts as working (0), or a day worked it counts as off (1). */
export interface WorkingDayCorrectionTable {
  date: string;
  working: 0 | 1;
  note: string;
}

/** One step of a group complaint's response plan. */
export interface ComplaintPlanItemTable {
  id: string;
  complaint_id: string;
  step: GroupPlanStep;
  position: number;
  done_at: string | null;
  done_by: string | null;
  server_version: number | null;
}

/** Compensation given on a complaint, written once its approval is through. */
export interface ComplaintCompensationTable {
  id: string;
  complaint_id: string;
  kind: CompensationKind;
  amount_fen: number;
  points: number;
  member_id: string | null;
  payment_id: string | null;
  note: string;
  given_at: string;
  given_by: string;
  server_version: number | null;
}

/** A satisfaction call-back: after a guest's first stay, or after a complaint is resolved. */
export interface CallbackTable {
  id: string;
  kind: CallbackKind;
  guest_id: string | null;
  booking_id: string | null;
  complaint_id: string | null;
  created_at: string;
  due_at: string;
  status: CallbackStatus;
  attempts: number;
  first_attempt_at: string | null;
  last_attempt_at: string | null;
  last_outcome: CallbackOutcome | null;
  call_again_at: string | null;
  /** 1–5, when the guest was reached. */
  score: number | null;
  words: string;
  done_by: string | null;
  updated_at: string;
  server_version: number | null;
}

/** The flash's figures of one night, a desk-local cache (never synced) that triggers on booking and tickets empty. */
export interface NightFigureTable {
  night: string;
  rooms_sold: number;
  room_revenue_fen: number;
  /** What the ticket orders of this visit date kept. */
  ticket_revenue_fen: number;
  /** Bookings due to arrive this night: honoured (checked in or out), cancelled, no-show. */
  honoured: number;
  cancelled: number;
  no_shows: number;
}

/** A contract, a customer document or a work record: its metadata, by tier (src-shared/contract/archive.ts). */
export interface ArchiveDocumentTable {
  id: string;
  tier: ArchiveTier;
  /** Contracts: the name the property's naming rule gives, unique; documents: a title; records: period, desk and kind. */
  name: string;
  counterparty: string | null;
  project: string | null;
  contract_no: string | null;
  amount_fen: number | null;
  signed_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  status: ContractStatus | null;
  tags_json: Json<string[]>;
  subject_type: ArchiveSubjectType | null;
  subject_id: string | null;
  /** Work records: the month (2026-11), what they hold and until when they are kept. */
  period: string | null;
  record_kind: RecordKind | null;
  retain_until: string | null;
  created_by: string;
  created_at: string;
  device: string;
  deleted_at: string | null;
  deleted_by: string | null;
  server_version: number | null;
}

/** One stored file of a document, as ciphertext chunks under its own data key. */
export interface ArchiveFileTable {
  id: string;
  document_id: string;
  version: number;
  file_name: string;
  media_type: string;
  size: number;
  /** SHA-256 of the original, hex. */
  sha256: string;
  chunk_size: number;
  /** SHA-256 (hex) of each encrypted chunk, in order. */
  chunks_json: Json<string[]>;
  /** The file's data key sealed by the property's archive key (base64), bound to this file's id. */
  wrapped_key: string;
  /** The property key that wraps it. */
  key_id: string;
  uploaded_by: string;
  uploaded_at: string;
  device: string;
  server_version: number | null;
}

/** A plaintext download of a file allowed to one person by an approval, used once. */
export interface ArchiveGrantTable {
  id: string;
  file_id: string;
  staff_id: string;
  reason: string;
  granted_at: string;
  expires_at: string;
  used_at: string | null;
  device: string;
  server_version: number | null;
}

/** Desk-local: a complete upload, sealed, until its filing has reached the server (a rebase may file it again). */
export interface ArchiveUploadTable {
  id: string;
  staff_id: string;
  tier: 'contract' | 'customer';
  file_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  chunk_size: number;
  chunks_json: Json<string[]>;
  wrapped_key: string;
  key_id: string;
  completed_at: string;
}

/** Desk-local: an encrypted chunk this desk holds, by the SHA-256 of its ciphertext. */
export interface ArchiveChunkTable {
  hash: string;
  bytes: Buffer;
  /** 1 once the server is known to hold it. */
  uploaded: Generated<number>;
  staged_at: string;
}

/** A report as a supervisor submitted it: its figures frozen as the document stood. */
export interface ReportSubmissionTable {
  id: string;
  kind: ReportKind;
  /** The business date, ISO week or month the report covers. */
  period: string;
  document_json: Json<ReportDocument>;
  submitted_by: string;
  submitted_at: string;
  device: string;
  server_version: number | null;
}

export interface ComplaintEventTable {
  id: string;
  complaint_id: string;
  at: string;
  staff_id: string;
  kind: ComplaintEventKind;
  /** The staff member a hand-over names. */
  target_staff_id: string | null;
  note: string;
  server_version: number | null;
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
  guest_unsealed: GuestUnsealedTable;
  approval_rule: ApprovalRuleTable;
  approval_tier: ApprovalTierTable;
  approval_request: ApprovalRequestTable;
  approval_decision: ApprovalDecisionTable;
  rate_plan: RatePlanTable;
  rate_plan_price: RatePlanPriceTable;
  closed_date: ClosedDateTable;
  number_sequence: NumberSequenceTable;
  booking: BookingTable;
  booking_night: BookingNightTable;
  booking_change: BookingChangeTable;
  payment: PaymentTable;
  ticket_product: TicketProductTable;
  ticket_slot: TicketSlotTable;
  ticket_order: TicketOrderTable;
  ticket_visitor: TicketVisitorTable;
  ticket_visitor_unsealed: TicketVisitorUnsealedTable;
  cancellation: CancellationTable;
  member_tier: MemberTierTable;
  member: MemberTable;
  points_entry: PointsEntryTable;
  care_task: CareTaskTable;
  sync_state: SyncStateTable;
  sync_touched: SyncTouchedTable;
  sync_rejection: SyncRejectionTable;
  audit_remote: AuditRemoteTable;
  complaint_category: ComplaintCategoryTable;
  complaint: ComplaintTable;
  complaint_event: ComplaintEventTable;
  complaint_target: ComplaintTargetTable;
  working_day_correction: WorkingDayCorrectionTable;
  complaint_plan_item: ComplaintPlanItemTable;
  complaint_compensation: ComplaintCompensationTable;
  callback: CallbackTable;
  report_submission: ReportSubmissionTable;
  night_figure: NightFigureTable;
  archive_document: ArchiveDocumentTable;
  archive_file: ArchiveFileTable;
  archive_grant: ArchiveGrantTable;
  archive_chunk: ArchiveChunkTable;
  archive_upload: ArchiveUploadTable;
  sync_conflict: SyncConflictTable;
  signin_failure: SigninFailureTable;
  sync_root: SyncRootTable;
  sync_undo: SyncUndoTable;
}

export type StaffRow = Selectable<StaffTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
export type ApprovalRequestRow = Selectable<ApprovalRequestTable>;
export type ApprovalDecisionRow = Selectable<ApprovalDecisionTable>;
export type BookingRow = Selectable<BookingTable>;
export type GuestRow = Selectable<GuestTable>;
export type MemberRow = Selectable<MemberTable>;
export type ComplaintRow = Selectable<ComplaintTable>;
export type CallbackRow = Selectable<CallbackTable>;
export type PointsEntryRow = Selectable<PointsEntryTable>;
