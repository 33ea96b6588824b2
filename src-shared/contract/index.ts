/**
 * The contract: every operation the UI can call, in one map. Adding an operation is one
 * declaration here, one handler in src-main/services, one test.
 */
import type { z } from 'zod';
import { approvalOperations } from './approvals';
import { auditOperations } from './audit';
import type { OperationDef } from './define';
import { guestOperations } from './guests';
import { bookingOperations } from './bookings';
import { inventoryOperations } from './inventory';
import { ticketOperations } from './tickets';
import { cancellationOperations } from './cancellations';
import { memberOperations } from './members';
import { complaintOperations } from './complaints';
import { callbackOperations } from './callbacks';
import { authOperations, setupOperations } from './session';
import { settingsOperations } from './settings';
import { permissionOperations, staffOperations } from './staff';
import { syncOperations } from './sync';
import { vaultOperations } from './vault';
import { recoveryOperations } from './recovery';
import { reportOperations } from './report-operations';
import { archiveOperations } from './archive';
import { homeOperations } from './home';

export const operations = {
  ...setupOperations,
  ...authOperations,
  ...staffOperations,
  ...permissionOperations,
  ...auditOperations,
  ...settingsOperations,
  ...approvalOperations,
  ...guestOperations,
  ...inventoryOperations,
  ...bookingOperations,
  ...ticketOperations,
  ...cancellationOperations,
  ...memberOperations,
  ...complaintOperations,
  ...callbackOperations,
  ...syncOperations,
  ...vaultOperations,
  ...recoveryOperations,
  ...reportOperations,
  ...archiveOperations,
  ...homeOperations,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller passes (defaults may be omitted). */
export type InputOf<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives after parsing. */
export type ParsedInputOf<N extends OperationName> = z.output<Operations[N]['input']>;
export type OutputOf<N extends OperationName> =
  Operations[N] extends OperationDef<string, z.ZodType, infer O> ? O : never;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

export type { Access, OperationDef, OperationKind } from './define';
export type {
  AuditEntry,
  AuditPage,
  AuditVerification,
  AuditOutcome,
  AuditDetail,
  AuditBreak,
  AuditCheckpointCheck,
  AuditCheckpointSource,
} from './audit';
export { AUDIT_OUTCOMES } from './audit';
export type { Property, SessionInfo, SetupStatus } from './session';
export type { StaffMember, PermissionMatrix } from './staff';
export type { BackupFile, BackupMade, BackupStatus, SecondCopyStatus } from './settings';
export type { RecoveryBackup, RecoveryProblem, RecoveryProblemKind, RecoveryStatus, Restored } from './recovery';
export type {
  ApprovalRequest,
  ApprovalDecision,
  ApprovalCounts,
  ApprovalPolicy,
  ApprovalStatus,
  ApprovalSummary,
  ApprovalSummaryField,
  ApprovalSummaryLine,
  ApprovalSummaryValue,
  DecisionKind,
} from './approvals';
export { APPROVAL_STATUSES, APPROVAL_SUMMARY_FIELDS, APPROVAL_VIEWS } from './approvals';
export type { GuestSummary, GuestExport, GuestProfile, QuickSearchResult, Segment } from './guests';
export type { RoomType, Room, RatePlan, RatePlanPrice, ClosedDate, Channel } from './inventory';
export { CHANNELS } from './inventory';
export type {
  AvailabilityCell,
  AvailabilityRow,
  RackBar,
  RackRow,
  RoomChoice,
  Quote,
  Payment,
  BookingChange,
  Booking,
  BookingSummary,
  FrontDeskDay,
  HousekeepingRoom,
  NightAuditResult,
  BusinessDayStatus,
  Guarantee,
  PaymentKind,
  AuthMethod,
} from './bookings';
export { GUARANTEES, PAYMENT_METHODS, PAYMENT_KINDS, AUTH_METHODS, BOOKING_CHANGE_KINDS } from './bookings';
export type { BookingChangeKind } from './bookings';
export type { TicketSlot, TicketProduct, SlotAvailability, TicketVisitor, TicketOrder, IdType } from './tickets';
export { ID_TYPES } from './tickets';
export type { Cancellation, CancellationQuote, CancelReason } from './cancellations';
export { CANCEL_REASONS } from './cancellations';
export { cancellationPolicySchema } from './cancellation-policy';
export type { Member, PointsEntry, PointsCheck, MembersPolicy, CareTask } from './members';
export type {
  Complaint,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintEvent,
  ComplaintEventKind,
  ComplaintSeverity,
  ComplaintStatus,
  ComplaintSummary,
  ComplaintClock,
  ComplaintCounts,
  ComplaintMeasures,
  ComplaintPlanItem,
  ComplaintTarget,
  ComplaintView,
  ClockState,
  Compensation,
  CompensationKind,
  GroupPlanStep,
  TargetUnit,
  WorkingDayCorrection,
  StaffRef,
} from './complaints';
export {
  COMPLAINT_CHANNELS,
  COMPLAINT_EVENT_KINDS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  COMPLAINT_VIEWS,
  COMPENSATION_KINDS,
  GROUP_PLAN_STEPS,
  TARGET_UNITS,
} from './complaints';
export type { Callback, CallbackKind, CallbackOutcome, CallbackStatus } from './callbacks';
export { CALLBACK_OUTCOMES, CALLBACK_VIEWS, CALLBACK_DUE_HOURS } from './callbacks';
export { SEGMENTS } from './guests';
export type { SyncStatus, SyncRejection, ConflictView } from './sync';
export type { VaultState, VaultStatus } from './vault';
export type { PaymentMethod } from './bookings';
