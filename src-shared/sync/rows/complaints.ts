/**
 * Row schemas of complaint tickets: the categories and targets (data), the working calendar's
 * corrections, the tickets with their timeline, plan steps and compensation, and call-backs.
 */
import { z } from 'zod';
import { CALLBACK_KINDS, CALLBACK_OUTCOMES, CALLBACK_STATUSES } from '../../contract/callbacks';
import {
  COMPENSATION_KINDS,
  COMPLAINT_CHANNELS,
  COMPLAINT_EVENT_KINDS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  GROUP_PLAN_STEPS,
  TARGET_UNITS,
} from '../../contract/complaints';
import { date, fen, flag, humanNumber, id, instant, integer, name, serverVersion, text, TEXT } from './columns';

const categoryCode = z
  .string()
  .max(32)
  .regex(/^[a-z0-9_-]+$/, { error: 'not a category code' });

export const complaintCategoryRow = z.strictObject({
  code: categoryCode,
  name_zh: name,
  name_en: name,
  position: integer(0, 1000),
});

export const complaintRow = z
  .strictObject({
    id,
    number: humanNumber('K'),
    opened_at: instant,
    opened_by: id,
    device: id,
    channel: z.enum(COMPLAINT_CHANNELS),
    category: categoryCode,
    severity: z.enum(COMPLAINT_SEVERITIES),
    guest_id: id.nullable(),
    booking_id: id.nullable(),
    ticket_order_id: id.nullable(),
    description: text(TEXT.note, 1),
    expectation: text(TEXT.note),
    status: z.enum(COMPLAINT_STATUSES),
    owner_id: id,
    pending_owner_id: id.nullable(),
    responded_at: instant.nullable(),
    resolved_at: instant.nullable(),
    closed_at: instant.nullable(),
    co_owner_id: id.nullable(),
    signed_off_by: id.nullable(),
    signed_off_at: instant.nullable(),
    waiting_since: instant.nullable(),
    created_at: instant,
    updated_at: instant,
    server_version: serverVersion,
  })
  .refine((row) => row.pending_owner_id !== row.owner_id, {
    path: ['pending_owner_id'],
    error: 'a hand-over names someone other than the owner',
  })
  .refine((row) => row.co_owner_id === null || row.co_owner_id !== row.owner_id, {
    path: ['co_owner_id'],
    error: 'the co-owner is someone other than the owner',
  })
  .refine((row) => (row.signed_off_by === null) === (row.signed_off_at === null), {
    path: ['signed_off_at'],
    error: 'a sign-off has both its signer and its time',
  });

const hundreds = integer(1, 999);

export const complaintTargetRow = z.strictObject({
  severity: z.enum(COMPLAINT_SEVERITIES),
  respond_amount: hundreds,
  respond_unit: z.enum(TARGET_UNITS),
  resolve_amount: hundreds,
  resolve_unit: z.enum(TARGET_UNITS),
});

export const workingDayCorrectionRow = z.strictObject({
  date,
  working: flag,
  note: text(TEXT.label),
});

export const complaintPlanItemRow = z
  .strictObject({
    id,
    complaint_id: id,
    step: z.enum(GROUP_PLAN_STEPS),
    position: integer(0, 100),
    done_at: instant.nullable(),
    done_by: id.nullable(),
    server_version: serverVersion,
  })
  .refine((row) => (row.done_at === null) === (row.done_by === null), {
    path: ['done_by'],
    error: 'a done step has both its time and who did it',
  });

export const complaintCompensationRow = z.strictObject({
  id,
  complaint_id: id,
  kind: z.enum(COMPENSATION_KINDS),
  amount_fen: fen,
  points: integer(0, 10_000_000),
  member_id: id.nullable(),
  payment_id: id.nullable(),
  note: text(TEXT.note, 1),
  given_at: instant,
  given_by: id,
  server_version: serverVersion,
});

export const callbackRow = z
  .strictObject({
    id,
    kind: z.enum(CALLBACK_KINDS),
    guest_id: id.nullable(),
    booking_id: id.nullable(),
    complaint_id: id.nullable(),
    created_at: instant,
    due_at: instant,
    status: z.enum(CALLBACK_STATUSES),
    attempts: integer(0, 1000),
    first_attempt_at: instant.nullable(),
    last_attempt_at: instant.nullable(),
    last_outcome: z.enum(CALLBACK_OUTCOMES).nullable(),
    call_again_at: instant.nullable(),
    score: integer(1, 5).nullable(),
    words: text(TEXT.note),
    done_by: id.nullable(),
    updated_at: instant,
    server_version: serverVersion,
  })
  .refine((row) => (row.kind === 'complaint') === (row.complaint_id !== null), {
    path: ['complaint_id'],
    error: 'a complaint call-back names its complaint, a first-stay one does not',
  })
  .refine((row) => (row.status === 'done') === (row.last_outcome === 'reached'), {
    path: ['status'],
    error: 'a call-back is done when, and only when, the guest was reached',
  });

export const complaintEventRow = z.strictObject({
  id,
  complaint_id: id,
  at: instant,
  staff_id: id,
  kind: z.enum(COMPLAINT_EVENT_KINDS),
  target_staff_id: id.nullable(),
  note: text(TEXT.note),
  server_version: serverVersion,
});
