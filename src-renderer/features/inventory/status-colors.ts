/** One colour per room and booking status, shared by the rack, the board and the setup tables. */
import type { BookingStatus, RoomStatus } from '@shared/rules/booking-status';

export const ROOM_STATUS_COLORS: Record<RoomStatus, string> = {
  vacant_clean: 'teal',
  inspected: 'green',
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
