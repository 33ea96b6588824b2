/**
 * What the desk opens over any page, mounted once by the shell: the booking drawer, the guest
 * profile and the new-booking form, plus N for a new booking from anywhere.
 */
import { useHotkeys } from '@mantine/hooks';
import { useCan } from '../../api/session';
import { BookingDrawer } from './booking/BookingDrawer';
import { GuestDrawer } from './guest/GuestDrawer';
import { NewBookingModal } from './intake/NewBookingModal';
import { openIntake, useOverlays } from './overlays';

export function DeskOverlays() {
  const can = useCan();
  const { bookingId, action, guestId, intake } = useOverlays();
  const mayBook = can('bookings.manage');
  // Ignored while typing (useHotkeys skips inputs), so "N" in a name stays a letter.
  useHotkeys([['N', () => mayBook && openIntake()]]);
  return (
    <>
      {can('bookings.view') && <BookingDrawer bookingId={bookingId} action={action} />}
      {can('guests.view') && <GuestDrawer guestId={guestId} />}
      {mayBook && <NewBookingModal opened={intake} />}
    </>
  );
}
