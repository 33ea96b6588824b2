/** Cancelling bookings and ticket orders by their snapshotted policy; waivers; the cancellation list. */
import { z } from 'zod';
import type { CancellationRule } from '../rules/cancellation';
import { mutation, query } from './define';
import { id, localDate } from './fields';
import { PAYMENT_METHODS, type PaymentMethod } from './bookings';

const fen = z.number().int().min(0).max(100_000_000);

export const CANCEL_REASONS = [
  'guest_request',
  'change_of_plans',
  'illness',
  'weather',
  'duplicate',
  'property_issue',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number] | 'no_show';

export interface CancellationQuote {
  freeUntil: string | null;
  penaltyFen: number;
  refundFen: number;
  paidFen: number;
  rule: CancellationRule;
}

export interface Cancellation {
  id: string;
  number: string;
  subject: { type: 'booking' | 'ticket_order'; id: string; number: string; guestName: string; arrival: string };
  reason: CancelReason;
  note: string;
  penaltyFen: number;
  refundFen: number;
  waivedFen: number;
  rule: CancellationRule;
  refundMethod: PaymentMethod | null;
  staffName: string;
  at: string;
}

const cancelInput = {
  reason: z.enum(CANCEL_REASONS),
  note: z.string().trim().max(300).default(''),
  refundMethod: z.enum(PAYMENT_METHODS),
};

export const cancellationOperations = {
  'bookings.cancellationQuote': query<CancellationQuote>()({
    name: 'bookings.cancellationQuote',
    input: z.object({ id }),
    access: 'bookings.view',
  }),
  'bookings.cancel': mutation<Cancellation>()({
    name: 'bookings.cancel',
    input: z.object({ id, ...cancelInput }),
    access: 'bookings.manage',
  }),
  'tickets.cancellationQuote': query<CancellationQuote>()({
    name: 'tickets.cancellationQuote',
    input: z.object({ orderId: id }),
    access: 'tickets.sell',
  }),
  'tickets.cancel': mutation<Cancellation>()({
    name: 'tickets.cancel',
    input: z.object({ orderId: id, ...cancelInput }),
    access: 'tickets.sell',
  }),
  /** Lowers a penalty; held for approval by the amount waived. */
  'cancellations.waive': mutation<Cancellation>()({
    name: 'cancellations.waive',
    input: z.object({ cancellationId: id, penaltyFen: fen, reason: z.string().trim().min(2).max(300) }),
    access: 'bookings.manage',
  }),
  'cancellations.list': query<Cancellation[]>()({
    name: 'cancellations.list',
    input: z
      .object({ by: z.enum(['cancelled', 'arrival']).default('cancelled'), from: localDate, to: localDate })
      .refine((r) => r.from <= r.to, { path: ['to'] }),
    access: 'bookings.view',
  }),
};
