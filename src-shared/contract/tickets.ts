/** Timed-entry tickets: products with daily slots and a capacity each, real-name sales, redemption at the gate. */
import { z } from 'zod';
import { FREE_POLICY, type CancellationPolicy } from '../rules/cancellation';
import { cancellationPolicySchema } from './cancellation-policy';
import { mutation, query } from './define';
import { id, localDate } from './fields';

export const ID_TYPES = ['id_card', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export interface TicketSlot {
  id: string;
  startTime: string;
  endTime: string;
  capacity: number;
}

export interface TicketProduct {
  id: string;
  code: string;
  name: string;
  priceFen: number;
  slots: TicketSlot[];
  cancellationPolicy: CancellationPolicy;
}

export interface SlotAvailability extends TicketSlot {
  sold: number;
  available: number;
}

export interface TicketVisitor {
  id: string;
  name: string;
  idType: IdType;
  /** Masked unless the viewer may see full ID numbers. */
  idNumber: string;
  redeemedAt: string | null;
}

export interface TicketOrder {
  id: string;
  number: string;
  productId: string;
  productName: string;
  visitDate: string;
  slot: { startTime: string; endTime: string };
  status: 'sold' | 'cancelled';
  totalFen: number;
  cancellationPolicy: CancellationPolicy;
  visitors: TicketVisitor[];
  createdAt: string;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const visitorInput = z.object({
  name: z.string().trim().min(1).max(40),
  idType: z.enum(ID_TYPES),
  idNumber: z.string().trim().toUpperCase().min(4).max(30),
});

export const ticketOperations = {
  'ticketProducts.list': query<TicketProduct[]>()({
    name: 'ticketProducts.list',
    input: z.object({}),
    access: 'tickets.sell',
  }),
  'ticketProducts.save': mutation<TicketProduct>()({
    name: 'ticketProducts.save',
    input: z.object({
      id: id.optional(),
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9-]{1,12}$/),
      name: z.string().trim().min(1).max(40),
      priceFen: z.number().int().min(0).max(10_000_000),
      cancellationPolicy: cancellationPolicySchema.default(FREE_POLICY),
      slots: z
        .array(
          z
            .object({ startTime: time, endTime: time, capacity: z.number().int().min(1).max(100_000) })
            .refine((s) => s.startTime < s.endTime, { path: ['endTime'] }),
        )
        .min(1)
        .max(48),
    }),
    access: 'inventory.manage',
  }),
  'tickets.availability': query<SlotAvailability[]>()({
    name: 'tickets.availability',
    input: z.object({ productId: id, visitDate: localDate }),
    access: 'tickets.sell',
  }),
  'tickets.sell': mutation<TicketOrder>()({
    name: 'tickets.sell',
    input: z.object({
      productId: id,
      slotId: id,
      visitDate: localDate,
      visitors: z.array(visitorInput).min(1).max(50),
    }),
    access: 'tickets.sell',
    personal: ['visitors.*.idNumber'],
  }),
  'tickets.find': query<TicketOrder>()({
    name: 'tickets.find',
    input: z.object({ number: z.string().trim().toUpperCase().min(4).max(30) }),
    access: 'tickets.redeem',
  }),
  'tickets.redeem': mutation<TicketOrder>()({
    name: 'tickets.redeem',
    input: z.object({ orderId: id, visitorIds: z.array(id).min(1).max(50) }),
    access: 'tickets.redeem',
  }),
};
