/** Row schemas of complaint tickets: the categories (data), the tickets and their timeline. */
import { z } from 'zod';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_EVENT_KINDS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
} from '../../contract/complaints';
import { humanNumber, id, instant, integer, name, serverVersion, text, TEXT } from './columns';

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
    created_at: instant,
    updated_at: instant,
    server_version: serverVersion,
  })
  .refine((row) => row.pending_owner_id !== row.owner_id, {
    path: ['pending_owner_id'],
    error: 'a hand-over names someone other than the owner',
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
