/**
 * Bookings at the desk: intake, changes, payments, check-in and out, housekeeping and the night
 * audit. A booking is made confirmed, by the actor, at this desk; its nights belong to it and keep
 * its room type; payments and history entries are the actor's own; a check-out that ends a guest's
 * first stay schedules its call-back (see ./callbacks). Prices and totals are checked
 * by the server against the rate plan (src-server/sync/derived.ts), not here.
 */
import { canSetRoomStatus, READY_ROOM_STATUSES, type RoomStatus } from '../../rules/booking-status';
import { addDays } from '../../rules/stay';
import { firstStayCallback } from './callbacks';
import {
  all,
  byActor,
  byActorName,
  equals,
  fromDesk,
  keptOrClearedWhile,
  namedByInput,
  nightOfWrittenBooking,
  oneOf,
  partOfWritten,
  roomOfWrittenBooking,
  wasOneOf,
} from './checks';
import type { RowCheck, TableRule, WriteRule } from './types';

const history: TableRule = { insert: [byActor('staff_id')] };
const nights: TableRule = {
  insert: [nightOfWrittenBooking],
  update: { columns: ['room_type_id'], checks: [nightOfWrittenBooking] },
  delete: [],
};

const newBooking = (): WriteRule => ({
  booking: {
    insert: all(
      equals('status', 'confirmed'),
      fromDesk('desk_id'),
      byActorName('created_by'),
      equals('room_id', null),
      equals('checked_in_at', null),
      equals('checked_out_at', null),
      equals('deleted_at', null),
    ),
  },
  booking_night: nights,
  booking_change: { insert: [byActor('staff_id'), partOfWritten('booking_id', 'booking')] },
});

/** The booking named by the input, and only it. */
const theBooking = (inputKey: string, columns: readonly string[], from: readonly string[]): TableRule => ({
  update: { columns, checks: [namedByInput('id', inputKey), wasOneOf('status', from)] },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date a `setting` row's value_json holds, or null. */
function settingDate(value: unknown): string | null {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return typeof parsed === 'string' && DATE.test(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A night audit moves the business date exactly one step: from the date its input closes to the
 * next day, from the date as the row held it before. On the server `before` is the server's own
 * row, so two desks closing the same date make one close: the second finds the date already moved
 * and lost the race (BUSINESS_DATE_CLOSED); any other starting point is a trespass.
 */
const rollsTheClosingDate: RowCheck = (row, context, before) => {
  const input = context.input;
  const closing =
    input !== null && typeof input === 'object' ? (input as Record<string, unknown>).closingDate : undefined;
  if (typeof closing !== 'string' || !DATE.test(closing)) return 'the input names no closing date';
  if (settingDate(row.value_json) !== addDays(closing, 1)) return `value_json is not the day after ${closing}`;
  if (before === null) return null;
  const held = settingDate(before.value_json);
  if (held === closing) return null;
  if (held !== null && held > closing)
    return { reason: 'BUSINESS_DATE_CLOSED', problem: `${closing} already closed, business date ${held}` };
  return `business date was ${String(held)}, not ${closing}`;
};

/** A room status changed by hand only as housekeeping may change it (never into or out of occupied); on the server `before` is its own row. */
const housekeepingMove: RowCheck = (row, _context, before) =>
  before === null || canSetRoomStatus(before.status as RoomStatus, row.status as RoomStatus)
    ? null
    : `status may not go from ${String(before.status)} to ${String(row.status)} by hand`;

export const bookingRules: Record<string, WriteRule> = {
  'bookings.create': newBooking(),
  'bookings.overbook': newBooking(),
  // A changed stay keeps its room (claimed again: its hold sequence) or lets a pre-assigned one lapse.
  'bookings.change': {
    booking: {
      update: {
        columns: [
          'arrival',
          'departure',
          'room_type_id',
          'rate_plan_id',
          'adults',
          'children',
          'special_requests',
          'nights_json',
          'total_fen',
          'room_id',
        ],
        checks: [
          namedByInput('id', 'id'),
          wasOneOf('status', ['confirmed', 'checked_in']),
          keptOrClearedWhile('room_id', 'status', ['confirmed']),
        ],
      },
    },
    room: { update: { columns: ['hold_seq'], checks: [roomOfWrittenBooking] } },
    booking_night: nights,
    booking_change: history,
  },
  'bookings.overridePrice': {
    booking: theBooking('id', ['nights_json', 'total_fen'], ['confirmed', 'checked_in']),
    booking_change: history,
  },
  'payments.record': {
    payment: {
      insert: [
        byActor('staff_id'),
        namedByInput('booking_id', 'bookingId'),
        oneOf('kind', ['deposit', 'payment', 'refund']),
      ],
    },
  },
  'frontDesk.checkIn': {
    booking: {
      update: {
        columns: ['status', 'room_id', 'checked_in_at'],
        checks: [
          namedByInput('id', 'bookingId'),
          namedByInput('room_id', 'roomId'),
          equals('status', 'checked_in'),
          wasOneOf('status', ['confirmed']),
        ],
      },
    },
    // Only a ready room, the one the input names; its hold sequence claims it (see aggregates.ts).
    room: {
      update: {
        columns: ['status', 'hold_seq'],
        checks: [namedByInput('id', 'roomId'), equals('status', 'occupied'), wasOneOf('status', READY_ROOM_STATUSES)],
      },
    },
    booking_change: history,
  },
  // 排房 before arrival: the room named, or none; the room's row is claimed.
  'frontDesk.assignRoom': {
    booking: {
      update: {
        columns: ['room_id'],
        checks: [namedByInput('id', 'bookingId'), equals('status', 'confirmed'), namedByInput('room_id', 'roomId')],
      },
    },
    room: { update: { columns: ['hold_seq'], checks: [namedByInput('id', 'roomId')] } },
    booking_change: history,
  },
  'frontDesk.moveRoom': {
    booking: {
      update: {
        columns: ['room_id', 'room_type_id'],
        checks: [namedByInput('id', 'bookingId'), namedByInput('room_id', 'roomId'), equals('status', 'checked_in')],
      },
    },
    booking_night: nights,
    room: { update: { columns: ['status', 'hold_seq'], checks: [oneOf('status', ['occupied', 'vacant_dirty'])] } },
    booking_change: history,
  },
  'frontDesk.checkOut': {
    booking: {
      update: {
        columns: ['status', 'departure', 'nights_json', 'total_fen', 'checked_out_at'],
        checks: [namedByInput('id', 'bookingId'), equals('status', 'checked_out'), wasOneOf('status', ['checked_in'])],
      },
    },
    booking_night: { delete: [namedByInput('booking_id', 'bookingId')] },
    room: { update: { columns: ['status'], checks: [equals('status', 'vacant_dirty')] } },
    booking_change: history,
    member: { update: { columns: ['tier_code'] } },
    points_entry: {
      insert: [
        byActor('staff_id'),
        fromDesk('desk_id'),
        equals('kind', 'earn'),
        namedByInput('booking_id', 'bookingId'),
      ],
    },
    // A guest's first stay: the satisfaction call-back it schedules.
    callback: firstStayCallback,
  },
  'housekeeping.setStatus': {
    room: { update: { columns: ['status'], checks: [namedByInput('id', 'roomId'), housekeepingMove] } },
  },
  // The attendant named in the input, or none; that they are active staff is the handler's check.
  'housekeeping.assign': {
    room: {
      update: {
        columns: ['attendant_id'],
        checks: [namedByInput('id', 'roomId'), namedByInput('attendant_id', 'attendantId')],
      },
    },
  },
  'nightAudit.roll': {
    booking: {
      update: {
        columns: ['status', 'total_fen'],
        checks: [equals('status', 'no_show'), wasOneOf('status', ['confirmed'])],
      },
    },
    booking_night: { delete: [] },
    booking_change: history,
    cancellation: { insert: [byActor('staff_id'), equals('reason', 'no_show'), equals('refund_method', null)] },
    points_entry: { insert: [byActor('staff_id'), fromDesk('desk_id'), equals('kind', 'expire')] },
    setting: {
      insert: [equals('key', 'businessDate'), rollsTheClosingDate],
      update: { columns: ['value_json'], checks: [equals('key', 'businessDate'), rollsTheClosingDate], guard: true },
    },
  },
  'members.reevaluate': { member: { update: { columns: ['tier_code'] } } },
};
