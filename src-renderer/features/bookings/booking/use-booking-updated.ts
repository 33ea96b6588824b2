/** After a write returned the booking: show it at once and say what happened (the write refreshes the lists itself). */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { Booking } from '@shared/contract';
import { callKey } from '../../../api/query-client';

export function useBookingUpdated(): (booking: Booking, message: string) => void {
  const client = useQueryClient();
  return (booking, message) => {
    client.setQueryData(callKey('bookings.get', { id: booking.id }), booking);
    notifications.show({ color: 'teal', message });
  };
}
