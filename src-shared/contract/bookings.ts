/** Bookings from intake to check-out: availability, quotes, intake, changes, payments, the front desk and the night audit. */
import { z } from 'zod';
import type { BookingStatus, RoomStatus } from '../rules/booking-status';
import { ROOM_STATUSES } from '../rules/booking-status';
import type { CancellationPolicy } from '../rules/cancellation';
import type { NightPrice } from '../rules/pricing';
import { mutation, query } from './define';
import { id, localDate } from './fields';
import { CHANNELS, type Channel } from './inventory';

export const GUARANTEES = ['none', 'deposit', 'card', 'company'] as const;
export type Guarantee = (typeof GUARANTEES)[number];
export const PAYMENT_METHODS = ['cash', 'card', 'wechat', 'alipay', 'transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_KINDS = ['deposit', 'payment', 'refund'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const AUTH_METHODS = ['signed_form', 'email', 'fax', 'message', 'in_person'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
export const BOOKING_CHANGE_KINDS = [
  'created',
  'created_overbooked',
  'changed',
  'price_override',
  'room_assigned',
  'checked_in',
  'room_moved',
  'early_departure',
  'checked_out',
  'cancelled',
  'penalty_waived',
  'no_show',
  'conflict_resolved',
] as const;
export type BookingChangeKind = (typeof BOOKING_CHANGE_KINDS)[number];

export interface AvailabilityCell {
  night: string;
  rooms: number;
  sold: number;
  available: number;
  closed: boolean;
}

export interface AvailabilityRow {
  roomTypeId: string;
  roomTypeName: string;
  cells: AvailabilityCell[];
}

export interface RackBar {
  bookingId: string;
  number: string;
  guestName: string;
  /** First and last night shown (clipped to the window). */
  from: string;
  to: string;
  status: BookingStatus;
}

export interface RackRow {
  roomId: string;
  number: string;
  floor: number;
  roomTypeId: string;
  status: RoomStatus;
  bars: RackBar[];
}

/** A room offered for a booking: `assigned` when it is the room the booking was given before arrival. */
export interface RoomChoice {
  id: string;
  number: string;
  floor: number;
  roomTypeId: string;
  status: RoomStatus;
  assigned: boolean;
}

export interface Quote {
  nights: NightPrice[];
  totalFen: number;
  available: boolean;
  soldOutNight: string | null;
}

export interface Payment {
  id: string;
  kind: PaymentKind;
  /** `points`: paid by redeeming member points (members.redeem), never recorded by hand. */
  method: PaymentMethod | 'points';
  amountFen: number;
  reference: string;
  staffName: string;
  at: string;
}

export interface BookingChange {
  id: string;
  kind: BookingChangeKind;
  before: unknown;
  after: unknown;
  authMethod: string | null;
  authRef: string | null;
  staffName: string;
  at: string;
}

export interface Booking {
  id: string;
  number: string;
  status: BookingStatus;
  channel: Channel;
  guest: { id: string; customerNo: string; name: string; phone: string | null; temporary: boolean };
  arrival: string;
  departure: string;
  roomType: { id: string; name: string };
  room: { id: string; number: string } | null;
  adults: number;
  children: number;
  ratePlan: { id: string; name: string } | null;
  nights: NightPrice[];
  totalFen: number;
  guarantee: (typeof GUARANTEES)[number];
  specialRequests: string;
  /** The terms in force when the booking was made; later policy edits never change them. */
  cancellationPolicy: CancellationPolicy;
  payments: Payment[];
  paidFen: number;
  balanceFen: number;
  changes: BookingChange[];
  createdBy: string;
  createdAt: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
}

export interface BookingSummary {
  id: string;
  number: string;
  status: BookingStatus;
  guestName: string;
  arrival: string;
  departure: string;
  /** With roomTypeName: the name in the UI language comes from the cached room types (useLocalNames). */
  roomTypeId: string;
  roomTypeName: string;
  roomNumber: string | null;
  balanceFen: number;
}

export interface FrontDeskDay {
  businessDate: string;
  arrivals: BookingSummary[];
  departures: BookingSummary[];
  inHouse: BookingSummary[];
}

export interface HousekeepingRoom {
  id: string;
  number: string;
  floor: number;
  roomTypeId: string;
  roomTypeName: string;
  status: RoomStatus;
  guestName: string | null;
  /** The guest due today the room is kept for (排房), not yet checked in. */
  arriving: { number: string; guestName: string } | null;
  /** The housekeeping attendant the room is assigned to. */
  attendant: { id: string; name: string } | null;
}

export interface NightAuditResult {
  closedDate: string;
  businessDate: string;
  noShows: string[];
  /** Closed before its calendar day ended, on a supervisor's confirmation. */
  earlyClose: boolean;
}

/** Where the property's business day stands against its calendar, for the home screen and the audit. */
export interface BusinessDayStatus {
  /** The open business date every desk sells in (state, moved only by the night audit). */
  businessDate: string;
  /** The property's calendar date now. */
  calendarDate: string;
  /** Calendar days the business date is behind: 0 during the day, 1 between midnight and the audit. */
  lagDays: number;
  /** Behind by more than a day: audits were missed, and each run closes one date. */
  lagging: boolean;
  /** What an audit run now would do: the date it closes, when that day ends, and whether closing it is early (or not yet possible). */
  audit: { closes: string; endsAt: string; early: boolean; notStarted: boolean };
}

const stay = z
  .object({ arrival: localDate, departure: localDate })
  .refine((s) => s.arrival < s.departure, { path: ['departure'] });

const bookingFields = {
  guestId: id,
  channel: z.enum(CHANNELS),
  arrival: localDate,
  departure: localDate,
  roomTypeId: id,
  ratePlanId: id.nullable().default(null),
  adults: z.number().int().min(1).max(20),
  children: z.number().int().min(0).max(20).default(0),
  guarantee: z.enum(GUARANTEES).default('none'),
  specialRequests: z.string().trim().max(500).default(''),
};
const bookingInput = z.object(bookingFields).refine((s) => s.arrival < s.departure, { path: ['departure'] });

const authorisation = z.object({ method: z.enum(AUTH_METHODS), reference: z.string().trim().min(1).max(100) });

export const bookingOperations = {
  'availability.grid': query<AvailabilityRow[]>()({
    name: 'availability.grid',
    input: z.object({ from: localDate, nights: z.number().int().min(1).max(62) }),
    access: 'bookings.view',
  }),
  'availability.rack': query<RackRow[]>()({
    name: 'availability.rack',
    input: z.object({ from: localDate, nights: z.number().int().min(1).max(31) }),
    access: 'bookings.view',
  }),
  'bookings.quote': query<Quote>()({
    name: 'bookings.quote',
    input: stay.and(z.object({ roomTypeId: id, ratePlanId: id.nullable().default(null) })),
    access: 'bookings.view',
  }),
  'bookings.create': mutation<Booking>()({
    name: 'bookings.create',
    input: bookingInput,
    access: 'bookings.manage',
  }),
  /** The same booking beyond inventory: held for a supervisor's approval by the default policy. */
  'bookings.overbook': mutation<Booking>()({
    name: 'bookings.overbook',
    input: bookingInput,
    access: 'bookings.manage',
  }),
  'bookings.get': query<Booking>()({ name: 'bookings.get', input: z.object({ id }), access: 'bookings.view' }),
  'bookings.change': mutation<Booking>()({
    name: 'bookings.change',
    input: z
      .object({
        id,
        arrival: localDate,
        departure: localDate,
        roomTypeId: id,
        ratePlanId: id.nullable(),
        adults: z.number().int().min(1).max(20),
        children: z.number().int().min(0).max(20),
        specialRequests: z.string().trim().max(500),
        authorisation,
      })
      .refine((s) => s.arrival < s.departure, { path: ['departure'] }),
    access: 'bookings.manage',
  }),
  /** A nightly price below the plan's, held for approval by amount (the discount in fen). */
  'bookings.overridePrice': mutation<Booking>()({
    name: 'bookings.overridePrice',
    input: z.object({ id, nightlyFen: z.number().int().min(0).max(100_000_000), authorisation }),
    access: 'bookings.manage',
  }),
  'bookings.day': query<FrontDeskDay>()({ name: 'bookings.day', input: z.object({}), access: 'bookings.view' }),
  'payments.record': mutation<Booking>()({
    name: 'payments.record',
    input: z.object({
      bookingId: id,
      kind: z.enum(PAYMENT_KINDS),
      method: z.enum(PAYMENT_METHODS),
      amountFen: z.number().int().min(1).max(100_000_000),
      reference: z.string().trim().max(100).default(''),
    }),
    access: 'bookings.manage',
  }),
  /** Rooms to check the booking in to now: ready, of its type, held by no other stay; its own pre-assigned room first. */
  'frontDesk.suggestRooms': query<RoomChoice[]>()({
    name: 'frontDesk.suggestRooms',
    input: z.object({ bookingId: id }),
    access: 'bookings.view',
  }),
  /** Rooms a guest in house may move to: ready, of any type, held by no other stay on the rest of theirs; their type first. */
  'frontDesk.moveTargets': query<RoomChoice[]>()({
    name: 'frontDesk.moveTargets',
    input: z.object({ bookingId: id }),
    access: 'bookings.view',
  }),
  /** Rooms a confirmed booking may be given before it arrives: of its type, in service, held by no other stay over its nights. */
  'frontDesk.assignableRooms': query<RoomChoice[]>()({
    name: 'frontDesk.assignableRooms',
    input: z.object({ bookingId: id }),
    access: 'bookings.view',
  }),
  /** Gives a confirmed booking a room before arrival (排房), or takes it back (null). */
  'frontDesk.assignRoom': mutation<Booking>()({
    name: 'frontDesk.assignRoom',
    input: z.object({ bookingId: id, roomId: id.nullable() }),
    access: 'bookings.manage',
  }),
  'frontDesk.checkIn': mutation<Booking>()({
    name: 'frontDesk.checkIn',
    input: z.object({ bookingId: id, roomId: id }),
    access: 'bookings.manage',
  }),
  'frontDesk.moveRoom': mutation<Booking>()({
    name: 'frontDesk.moveRoom',
    input: z.object({ bookingId: id, roomId: id, reason: z.string().trim().min(1).max(200) }),
    access: 'bookings.manage',
  }),
  'frontDesk.checkOut': mutation<Booking>()({
    name: 'frontDesk.checkOut',
    input: z.object({ bookingId: id }),
    access: 'bookings.manage',
  }),
  'housekeeping.board': query<HousekeepingRoom[]>()({
    name: 'housekeeping.board',
    input: z.object({}),
    access: 'bookings.view',
  }),
  'housekeeping.setStatus': mutation<HousekeepingRoom>()({
    name: 'housekeeping.setStatus',
    input: z.object({ roomId: id, status: z.enum(ROOM_STATUSES) }),
    access: 'housekeeping.manage',
  }),
  /** The active staff a room may be assigned to. */
  'housekeeping.attendants': query<{ id: string; name: string }[]>()({
    name: 'housekeeping.attendants',
    input: z.object({}),
    access: 'housekeeping.manage',
  }),
  /** Assigns a room to an attendant (active staff), or takes the assignment away (null). */
  'housekeeping.assign': mutation<HousekeepingRoom>()({
    name: 'housekeeping.assign',
    input: z.object({ roomId: id, attendantId: id.nullable() }),
    access: 'housekeeping.manage',
  }),
  'businessDay.status': query<BusinessDayStatus>()({
    name: 'businessDay.status',
    input: z.object({}),
    access: 'signed-in',
  }),
  /**
   * Closes the open business date, which the input names (what the desk showed): a date already
   * closed is refused, never the next one closed instead. Before the date's calendar day has ended
   * it needs `earlyClose`, which the approval policy holds for a supervisor.
   */
  'nightAudit.roll': mutation<NightAuditResult>()({
    name: 'nightAudit.roll',
    input: z.object({ closingDate: localDate, earlyClose: z.boolean().default(false) }),
    access: 'nightAudit.run',
  }),
};
