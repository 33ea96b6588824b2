/** What may happen to a booking in each state, and to a room in each housekeeping state. */
export const BOOKING_STATUSES = ['confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_ACTIONS = [
  'change',
  'assignRoom',
  'checkIn',
  'moveRoom',
  'checkOut',
  'pay',
  'cancel',
  'noShow',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

const ALLOWED: Record<BookingStatus, readonly BookingAction[]> = {
  confirmed: ['change', 'assignRoom', 'checkIn', 'pay', 'cancel', 'noShow'],
  checked_in: ['change', 'moveRoom', 'checkOut', 'pay'],
  checked_out: ['pay'],
  cancelled: [],
  no_show: ['pay'],
};

export function canDo(status: BookingStatus, action: BookingAction): boolean {
  return ALLOWED[status].includes(action);
}

/** Bookings in these states hold their nights in inventory. */
export function holdsInventory(status: BookingStatus): boolean {
  return status === 'confirmed' || status === 'checked_in';
}

/** `inspected` (查房合格): a clean room a supervisor has checked; it sells and checks in like a clean one. */
export const ROOM_STATUSES = ['vacant_clean', 'inspected', 'vacant_dirty', 'occupied', 'out_of_order'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

/** The statuses of a vacant room ready for a guest: check-in, moves and room suggestions take these. */
export const READY_ROOM_STATUSES = ['vacant_clean', 'inspected'] as const satisfies readonly RoomStatus[];

export function isReadyRoom(status: RoomStatus): boolean {
  return (READY_ROOM_STATUSES as readonly RoomStatus[]).includes(status);
}

/**
 * Housekeeping may set these by hand; `occupied` comes only from check-in, and leaves at check-out.
 * Only a clean room can pass inspection; a failed one goes back to dirty.
 */
const HOUSEKEEPING: Record<RoomStatus, readonly RoomStatus[]> = {
  vacant_clean: ['inspected', 'vacant_dirty', 'out_of_order'],
  inspected: ['vacant_clean', 'vacant_dirty', 'out_of_order'],
  vacant_dirty: ['vacant_clean', 'out_of_order'],
  occupied: [],
  out_of_order: ['vacant_dirty', 'vacant_clean'],
};

export function canSetRoomStatus(from: RoomStatus, to: RoomStatus): boolean {
  return HOUSEKEEPING[from].includes(to);
}

/** A booking's balance: charges less payments (refunds are negative payments). */
export function balanceFen(totalFen: number, payments: readonly { amountFen: number }[]): number {
  return totalFen - payments.reduce((sum, p) => sum + p.amountFen, 0);
}
