/** Row schemas of timed-entry tickets: products, their daily slots, orders and the named visitors on them. */
import { z } from 'zod';
import { ID_TYPES } from '../../contract';
import {
  clockTime,
  code,
  date,
  fen,
  humanNumber,
  id,
  instant,
  integer,
  keyedHash,
  name,
  policyJson,
  sealed,
  serverVersion,
} from './columns';
import { TICKET_ORDER_STATUSES } from './unions';

export const ticketProductRow = z.strictObject({
  id,
  code,
  name,
  price_fen: fen,
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
  deleted_at: instant.nullable(),
  cancellation_policy_json: policyJson.nullable(),
});

export const ticketSlotRow = z
  .strictObject({
    id,
    product_id: id,
    start_time: clockTime,
    end_time: clockTime,
    capacity: integer(1, 100_000),
  })
  .refine((row) => row.start_time < row.end_time, { path: ['end_time'], error: 'ends before it starts' });

export const ticketOrderRow = z.strictObject({
  id,
  number: humanNumber('T'),
  product_id: id,
  slot_id: id,
  visit_date: date,
  status: z.enum(TICKET_ORDER_STATUSES),
  total_fen: fen,
  created_by: id,
  desk_id: id,
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
  cancellation_policy_json: policyJson.nullable(),
});

export const ticketVisitorRow = z.strictObject({
  id,
  order_id: id,
  name,
  id_type: z.enum(ID_TYPES),
  id_number_sealed: sealed.nullable(),
  id_number_hmac: keyedHash.nullable(),
  id_number_masked: z
    .string()
    .max(30)
    .regex(/^[0-9A-Z*]+$/, { error: 'not a masked ID number' })
    .nullable(),
  redeemed_at: instant.nullable(),
  redeemed_by: id.nullable(),
});
