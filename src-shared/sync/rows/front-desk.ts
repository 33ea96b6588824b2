/**
 * Row schemas of the front desk: room types and rooms, guest profiles, rate plans with their
 * prices, closed dates, bookings with the nights they hold, their history, payments and cancellations.
 */
import { z } from 'zod';
import {
  AUTH_METHODS,
  BOOKING_CHANGE_KINDS,
  CHANNELS,
  GUARANTEES,
  ID_TYPES,
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  SEGMENTS,
} from '../../contract';
import { BOOKING_STATUSES, ROOM_STATUSES } from '../../rules/booking-status';
import { CANCELLATION_RULES } from '../../rules/cancellation';
import { STAY_NIGHTS_LIMIT } from '../../rules/stay';
import {
  code,
  date,
  deskNumber,
  fen,
  flag,
  humanNumber,
  id,
  instant,
  integer,
  jsonText,
  JSON_MAX,
  keyedHash,
  name,
  policyJson,
  sealed,
  serverVersion,
  signedFen,
  text,
  TEXT,
} from './columns';
import { CANCELLATION_REASONS, PAYMENT_ROW_METHODS } from './unions';

export const roomTypeRow = z.strictObject({
  id,
  code,
  name,
  name_en: name.nullable(),
  capacity: integer(1, 20),
  base_rate_fen: fen,
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
  deleted_at: instant.nullable(),
});

export const roomRow = z.strictObject({
  id,
  number: text(16, 1),
  floor: integer(-5, 200),
  room_type_id: id,
  features_json: jsonText(JSON_MAX.small, z.array(z.string().min(1).max(20)).max(20)),
  status: z.enum(ROOM_STATUSES),
  attendant_id: id.nullable(),
  /** One more each time who holds the room changes (src-main/services/bookings/rooms.ts). */
  hold_seq: z.number().int().min(0),
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
  deleted_at: instant.nullable(),
});

export const guestRow = z.strictObject({
  id,
  customer_no: deskNumber,
  name,
  phone_sealed: sealed.nullable(),
  phone_hmac: keyedHash.nullable(),
  phone_last4: z
    .string()
    .regex(/^[0-9]{4}$/, { error: 'not four digits' })
    .nullable(),
  phone_masked: z
    .string()
    .max(32)
    .regex(/^\+?[0-9*]+$/, { error: 'not a masked phone number' })
    .nullable(),
  segment: z.enum(SEGMENTS),
  id_type: z.enum(ID_TYPES).nullable(),
  id_number_sealed: sealed.nullable(),
  id_number_hmac: keyedHash.nullable(),
  preferences: text(TEXT.note).nullable(),
  special_needs: text(TEXT.note).nullable(),
  email: z.email().max(254).nullable(),
  temporary: flag,
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
  deleted_at: instant.nullable(),
  erased_at: instant.nullable(),
});

export const ratePlanRow = z.strictObject({
  id,
  code,
  name,
  name_en: name.nullable(),
  member_only: flag,
  channels_json: jsonText(JSON_MAX.small, z.array(z.enum(CHANNELS)).min(1)),
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
  deleted_at: instant.nullable(),
  cancellation_policy_json: policyJson.nullable(),
});

export const ratePlanPriceRow = z
  .strictObject({
    id,
    rate_plan_id: id,
    room_type_id: id,
    start_date: date,
    end_date: date,
    /** Bit 0 = Monday … bit 6 = Sunday. */
    weekdays: integer(1, 127),
    price_fen: fen,
    created_at: instant,
  })
  .refine((row) => row.start_date <= row.end_date, { path: ['end_date'], error: 'ends before it starts' });

export const closedDateRow = z.strictObject({
  date,
  reason: text(TEXT.note),
  created_at: instant,
});

/** A stay's nightly prices; a stay holds at most STAY_NIGHTS_LIMIT nights. */
const nightsJson = jsonText(JSON_MAX.medium, z.array(z.object({ night: date, priceFen: fen })).max(STAY_NIGHTS_LIMIT));

export const bookingRow = z
  .strictObject({
    id,
    number: humanNumber('B'),
    guest_id: id,
    channel: z.enum(CHANNELS),
    status: z.enum(BOOKING_STATUSES),
    arrival: date,
    departure: date,
    room_type_id: id,
    room_id: id.nullable(),
    adults: integer(1, 20),
    children: integer(0, 20),
    rate_plan_id: id.nullable(),
    nights_json: nightsJson,
    total_fen: fen,
    guarantee: z.enum(GUARANTEES),
    special_requests: text(TEXT.note),
    created_by: id,
    desk_id: id,
    checked_in_at: instant.nullable(),
    checked_out_at: instant.nullable(),
    created_at: instant,
    updated_at: instant,
    server_version: serverVersion,
    deleted_at: instant.nullable(),
    cancellation_policy_json: policyJson.nullable(),
  })
  .refine((row) => row.arrival < row.departure, { path: ['departure'], error: 'departure not after arrival' });

export const bookingNightRow = z.strictObject({
  booking_id: id,
  night: date,
  room_type_id: id,
});

export const bookingChangeRow = z.strictObject({
  id,
  booking_id: id,
  kind: z.enum(BOOKING_CHANGE_KINDS),
  before_json: jsonText(JSON_MAX.medium).nullable(),
  after_json: jsonText(JSON_MAX.medium).nullable(),
  auth_method: z.enum(AUTH_METHODS).nullable(),
  auth_ref: text(TEXT.reference).nullable(),
  staff_id: id,
  staff_name: name,
  created_at: instant,
});

/** Deposits and payments are positive; a refund is a negative payment (the balance is total less their sum). */
export const paymentRow = z
  .strictObject({
    id,
    booking_id: id,
    kind: z.enum(PAYMENT_KINDS),
    method: z.enum(PAYMENT_ROW_METHODS),
    amount_fen: signedFen,
    reference: text(TEXT.reference),
    staff_id: id,
    staff_name: name,
    created_at: instant,
    server_version: serverVersion,
  })
  .refine((row) => (row.kind === 'refund' ? row.amount_fen < 0 : row.amount_fen > 0), {
    path: ['amount_fen'],
    error: 'a refund is negative, a deposit or payment positive',
  });

/** Penalty, refund and amount waived are never negative; a cancellation is of a booking or of a ticket order, not both. */
export const cancellationRow = z
  .strictObject({
    id,
    number: humanNumber('X'),
    booking_id: id.nullable(),
    ticket_order_id: id.nullable(),
    arrival: date,
    reason: z.enum(CANCELLATION_REASONS),
    note: text(TEXT.note),
    penalty_fen: fen,
    refund_fen: fen,
    waived_fen: fen,
    rule: z.enum(CANCELLATION_RULES),
    refund_method: z.enum(PAYMENT_METHODS).nullable(),
    staff_id: id,
    staff_name: name,
    created_at: instant,
    updated_at: instant,
    server_version: serverVersion,
  })
  .refine((row) => (row.booking_id === null) !== (row.ticket_order_id === null), {
    path: ['booking_id'],
    error: 'names neither or both of a booking and a ticket order',
  });
