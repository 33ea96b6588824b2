/** Property setup (admins): room types, rooms, rate plans with their prices, closed dates. */
import { z } from 'zod';
import type { RoomStatus } from '../rules/booking-status';
import { FREE_POLICY, type CancellationPolicy } from '../rules/cancellation';
import { cancellationPolicySchema } from './cancellation-policy';
import { mutation, query } from './define';
import { id, localDate } from './fields';

export const CHANNELS = ['phone', 'online', 'walk_in', 'travel_agency', 'ota'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface RoomType {
  id: string;
  code: string;
  name: string;
  /** The English name (an English voucher shows it); null: the Chinese name is used. */
  nameEn: string | null;
  capacity: number;
  baseRateFen: number;
  rooms: number;
}

export interface Room {
  id: string;
  number: string;
  floor: number;
  roomTypeId: string;
  features: string[];
  status: RoomStatus;
}

export interface RatePlanPrice {
  id: string;
  roomTypeId: string;
  startDate: string;
  endDate: string;
  weekdays: number;
  priceFen: number;
}

export interface RatePlan {
  id: string;
  code: string;
  name: string;
  /** The English name (an English voucher shows it); null: the Chinese name is used. */
  nameEn: string | null;
  memberOnly: boolean;
  channels: Channel[];
  prices: RatePlanPrice[];
  cancellationPolicy: CancellationPolicy;
}

export interface ClosedDate {
  date: string;
  reason: string;
}

const fen = z.number().int().min(0).max(100_000_000);
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{1,12}$/);
/** An optional English name: blank means none. */
const nameEn = z
  .string()
  .trim()
  .max(60)
  .nullish()
  .transform((v) => v || null);

export const inventoryOperations = {
  'roomTypes.list': query<RoomType[]>()({ name: 'roomTypes.list', input: z.object({}), access: 'bookings.view' }),
  'roomTypes.save': mutation<RoomType>()({
    name: 'roomTypes.save',
    input: z.object({
      id: id.optional(),
      code,
      name: z.string().trim().min(1).max(40),
      nameEn,
      capacity: z.number().int().min(1).max(20),
      baseRateFen: fen,
    }),
    access: 'inventory.manage',
  }),
  'rooms.list': query<Room[]>()({ name: 'rooms.list', input: z.object({}), access: 'bookings.view' }),
  'rooms.save': mutation<Room>()({
    name: 'rooms.save',
    input: z.object({
      id: id.optional(),
      number: z.string().trim().min(1).max(10),
      floor: z.number().int().min(-5).max(200),
      roomTypeId: id,
      features: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
    }),
    access: 'inventory.manage',
  }),
  'ratePlans.list': query<RatePlan[]>()({ name: 'ratePlans.list', input: z.object({}), access: 'bookings.view' }),
  'ratePlans.save': mutation<RatePlan>()({
    name: 'ratePlans.save',
    input: z.object({
      id: id.optional(),
      code,
      name: z.string().trim().min(1).max(40),
      nameEn,
      memberOnly: z.boolean().default(false),
      channels: z.array(z.enum(CHANNELS)).min(1),
      cancellationPolicy: cancellationPolicySchema.default(FREE_POLICY),
      prices: z
        .array(
          z
            .object({
              roomTypeId: id,
              startDate: localDate,
              endDate: localDate,
              weekdays: z.number().int().min(1).max(127),
              priceFen: fen,
            })
            .refine((p) => p.startDate <= p.endDate, { path: ['endDate'] }),
        )
        .max(500),
    }),
    access: 'inventory.manage',
  }),
  'closedDates.list': query<ClosedDate[]>()({
    name: 'closedDates.list',
    input: z.object({}),
    access: 'bookings.view',
  }),
  'closedDates.set': mutation<ClosedDate[]>()({
    name: 'closedDates.set',
    input: z.object({ date: localDate, closed: z.boolean(), reason: z.string().trim().max(100).default('') }),
    access: 'inventory.manage',
  }),
};
