/**
 * What a synced row may hold: one strict schema per synced table, exactly the columns a desk
 * sends (its columns less the registry's desk-only ones), typed as SQLite stores them and capped
 * in size. The server checks every pushed row with `validateRow` before anything else reads it;
 * a desk's tests check that every row its handlers write passes.
 */
import type { z } from 'zod';
import { approvalDecisionRow, approvalRequestRow, approvalRuleRow, approvalTierRow } from './rows/approvals';
import {
  bookingChangeRow,
  bookingNightRow,
  bookingRow,
  cancellationRow,
  closedDateRow,
  guestRow,
  paymentRow,
  ratePlanPriceRow,
  ratePlanRow,
  roomRow,
  roomTypeRow,
} from './rows/front-desk';
import {
  callbackRow,
  complaintCategoryRow,
  complaintCompensationRow,
  complaintEventRow,
  complaintPlanItemRow,
  complaintRow,
  complaintTargetRow,
  workingDayCorrectionRow,
} from './rows/complaints';
import { reportSubmissionRow } from './rows/reports';
import { archiveDocumentRow, archiveFileRow, archiveGrantRow } from './rows/archive';
import { careTaskRow, memberRow, memberTierRow, pointsEntryRow } from './rows/members';
import { auditLogRow, propertyRow, rolePermissionRow, settingRow, staffRow, syncConflictRow } from './rows/property';
import { ticketOrderRow, ticketProductRow, ticketSlotRow, ticketVisitorRow } from './rows/tickets';
import { isSyncedTable } from './tables';

/** A strict object schema: every column required, no other key allowed. */
export type RowSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** By table, in the registry's order (a unit test holds the two lists equal). */
export const ROW_SCHEMAS = {
  property: propertyRow,
  staff: staffRow,
  role_permission: rolePermissionRow,
  setting: settingRow,
  room_type: roomTypeRow,
  room: roomRow,
  guest: guestRow,
  approval_rule: approvalRuleRow,
  approval_tier: approvalTierRow,
  approval_request: approvalRequestRow,
  approval_decision: approvalDecisionRow,
  rate_plan: ratePlanRow,
  rate_plan_price: ratePlanPriceRow,
  closed_date: closedDateRow,
  booking: bookingRow,
  booking_night: bookingNightRow,
  booking_change: bookingChangeRow,
  payment: paymentRow,
  ticket_product: ticketProductRow,
  ticket_slot: ticketSlotRow,
  ticket_order: ticketOrderRow,
  ticket_visitor: ticketVisitorRow,
  cancellation: cancellationRow,
  member_tier: memberTierRow,
  member: memberRow,
  points_entry: pointsEntryRow,
  care_task: careTaskRow,
  complaint_category: complaintCategoryRow,
  complaint: complaintRow,
  complaint_event: complaintEventRow,
  complaint_target: complaintTargetRow,
  working_day_correction: workingDayCorrectionRow,
  complaint_plan_item: complaintPlanItemRow,
  complaint_compensation: complaintCompensationRow,
  callback: callbackRow,
  report_submission: reportSubmissionRow,
  archive_document: archiveDocumentRow,
  archive_file: archiveFileRow,
  archive_grant: archiveGrantRow,
  audit_log: auditLogRow,
  sync_conflict: syncConflictRow,
} as const satisfies Readonly<Record<string, RowSchema>>;

export type RowTable = keyof typeof ROW_SCHEMAS;

/** A synced table's wire row, typed by its schema: what the server reads once the row has passed `validateRow`. */
export type RowOf<T extends RowTable> = z.infer<(typeof ROW_SCHEMAS)[T]>;

function hasSchema(table: string): table is RowTable {
  return isSyncedTable(table) && Object.hasOwn(ROW_SCHEMAS, table);
}

/** The schema of a synced table's wire row; throws for a table that does not sync. */
export function rowSchema(table: string): RowSchema {
  if (!hasSchema(table)) throw new Error(`${table} does not sync`);
  return ROW_SCHEMAS[table];
}

/** The verdict on one row: the first column at fault (null for the row as a whole) and what is wrong, never the value. */
export type RowCheck = { ok: true } | { ok: false; column: string | null; problem: string };

/** Checks a pushed row against its table's schema; never throws. */
export function validateRow(table: string, row: unknown): RowCheck {
  if (!hasSchema(table)) return { ok: false, column: null, problem: 'not a synced table' };
  const result = ROW_SCHEMAS[table].safeParse(row);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0]!;
  // An unknown column's name is the sender's; it is cut short before it travels on in a refusal.
  if (issue.code === 'unrecognized_keys')
    return { ok: false, column: issue.keys[0]?.slice(0, 64) ?? null, problem: 'unknown column' };
  const column = issue.path[0];
  return { ok: false, column: typeof column === 'string' ? column : null, problem: problemOf(issue) };
}

/** Zod's message, short: a long list of allowed values (roles, permissions, error codes) is counted, not listed. */
function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && issue.values.length > 6)
    return `Invalid option: not one of the ${issue.values.length} allowed values`;
  return issue.message.slice(0, 200);
}
