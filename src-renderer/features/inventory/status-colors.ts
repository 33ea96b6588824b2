/** One colour per room and booking status, shared by the rack, the board and the setup tables. */
import type { BookingStatus, RoomStatus } from '@shared/rules/booking-status';

/**
 * Clean and inspected are both sellable, so both are greens, but at opposite ends: clean a
 * yellow-green (lime), inspected the deeper blue-green (teal, the app's own colour) a supervisor's
 * check earns. Green beside teal read as one colour on a 9 px dot and a pale card.
 */
export const ROOM_STATUS_COLORS: Record<RoomStatus, string> = {
  vacant_clean: 'lime',
  inspected: 'teal',
  vacant_dirty: 'orange',
  occupied: 'blue',
  out_of_order: 'gray',
};

export const BOOKING_STATUS_COLORS: Record<BookingStatus, string> = {
  confirmed: 'indigo',
  checked_in: 'blue',
  checked_out: 'gray',
  cancelled: 'red',
  no_show: 'red',
};
