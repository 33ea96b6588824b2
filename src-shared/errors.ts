/**
 * Errors are values with a code and parameters. They cross the IPC / HTTP boundary as plain
 * JSON and are translated at the edge (see i18n/); a user never sees a stack trace.
 */
export const ERROR_CODES = [
  'INPUT_INVALID',
  'UNKNOWN_OPERATION',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'NOT_SIGNED_IN',
  'SESSION_LOCKED',
  'PERMISSION_DENIED',
  'WRONG_CREDENTIALS',
  'WRONG_PASSWORD',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'USERNAME_TAKEN',
  'NOT_FOUND',
  'LAST_ADMIN',
  'ADMIN_PERMISSION_FIXED',
  'BACKUP_FAILED',
  'APPROVAL_REQUIRED',
  'APPROVAL_NOT_NEEDED',
  'NOT_APPROVABLE',
  'APPROVAL_NOT_PENDING',
  'APPROVAL_OWN_REQUEST',
  'APPROVER_TIER_TOO_LOW',
  'APPROVER_NOT_ALLOWED',
  'POLICY_INVALID',
  'BOOKING_SOLD_OUT',
  'DATE_CLOSED',
  'BOOKING_STATE',
  'DUPLICATE_GUEST',
  'ROOM_NOT_AVAILABLE',
  'ROOM_HELD',
  'ROOM_STATUS',
  'ATTENDANT_NOT_ACTIVE',
  'CODE_TAKEN',
  'SLOT_FULL',
  'TICKET_ALREADY_USED',
  'TICKET_NOT_FOR_TODAY',
  'BALANCE_DUE',
  'CAPACITY_EXCEEDED',
  'NIGHT_AUDIT_DATE_CLOSED',
  'NIGHT_AUDIT_EARLY',
  'NIGHT_AUDIT_NOT_STARTED',
  'POINTS_INSUFFICIENT',
  'POINTS_OFFLINE_CAP',
  'ALREADY_MEMBER',
  'NOT_A_MEMBER',
  'COMPLAINT_CATEGORY_UNKNOWN',
  'COMPLAINT_NOT_OWNER',
  'COMPLAINT_STATUS',
  'COMPLAINT_HANDOVER_TARGET',
  'COMPLAINT_HANDOVER_PENDING',
  'COMPLAINT_HANDOVER_NOT_YOURS',
  'COMPLAINT_SIGN_OFF_REQUIRED',
  'COMPLAINT_SUPERVISOR_TARGET',
  'COMPLAINT_CO_OWNED',
  'COMPLAINT_GENERAL_NOT_ESCALATED',
  'COMPLAINT_NOT_CO_OWNER',
  'COMPLAINT_NOT_OWNER_OR_CO_OWNER',
  'COMPLAINT_WAITING',
  'COMPLAINT_NOT_WAITING',
  'COMPLAINT_PLAN_STEP',
  'COMPENSATION_AMOUNT',
  'COMPENSATION_NEEDS_MEMBER',
  'COMPENSATION_NEEDS_BOOKING',
  'CALLBACK_DONE',
  'REPORT_ALREADY_SUBMITTED',
  'REPORT_PERIOD_OPEN',
  'ARCHIVE_TOO_LARGE',
  'ARCHIVE_NAME_INVALID',
  'ARCHIVE_NAME_TAKEN',
  'ARCHIVE_DAMAGED',
  'ARCHIVE_NOT_ON_SERVER',
  'ARCHIVE_UPLOAD_UNKNOWN',
  'ARCHIVE_UPLOAD_INCOMPLETE',
  'ARCHIVE_CHUNK_INVALID',
  'ARCHIVE_READ_CLOSED',
  'ARCHIVE_DOWNLOAD_NOT_ALLOWED',
  'ARCHIVE_RETENTION_RUNNING',
  'ARCHIVE_MONTH_OPEN',
  'CONFIRM_PASSWORD_REQUIRED',
  'SYNC_NOT_ENROLLED',
  'SYNC_UNREACHABLE',
  'SYNC_INSECURE_URL',
  'ENROLMENT_CODE_INVALID',
  'ENROLMENT_NOT_A_SERVER',
  'SYNC_PROPERTY_MISMATCH',
  'DEVICE_REVOKED',
  'DEVICE_PROOF_REQUIRED',
  'PROPERTY_EXISTS',
  'SYNC_RATE_LIMITED',
  'UPGRADE_REQUIRED',
  'CONFLICT_RESOLVED',
  'CONFLICT_OPTION_INVALID',
  'GUEST_NOT_INFORMED',
  'VAULT_LOCKED',
  'VAULT_UNSET',
  'VAULT_EXISTS',
  'PASSPHRASE_WEAK',
  'PASSPHRASE_WRONG',
  'BACKUP_DAMAGED',
  'BACKUP_COPY_FAILED',
  'BACKUP_NEWER_VERSION',
  'DATABASE_UNAVAILABLE',
  'RECOVERY_NOT_NEEDED',
  'GUEST_ERASED',
  'STAY_TOO_LONG',
  'FORBIDDEN_SENDER',
  'NETWORK',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

/** The serialisable form of an error, as it travels between processes. */
export interface AppErrorValue {
  code: ErrorCode;
  params?: ErrorParams;
  /** For INPUT_INVALID: the paths of the offending fields, dotted (e.g. "admin.password"). */
  fields?: string[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
  readonly fields?: string[];

  constructor(code: ErrorCode, params?: ErrorParams, fields?: string[]) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }

  toValue(): AppErrorValue {
    return {
      code: this.code,
      ...(this.params && { params: this.params }),
      ...(this.fields && { fields: this.fields }),
    };
  }

  static from(value: AppErrorValue): AppError {
    return new AppError(value.code, value.params, value.fields);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
