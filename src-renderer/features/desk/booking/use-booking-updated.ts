/** After a write returned the booking: show it at once, refresh the lists, and say what happened. */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { Booking } from '@shared/contract';
import { deskKeys, useRefreshBookings } from '../desk-queries';

export function useBookingUpdated(): (booking: Booking, message: string) => void {
  const client = useQueryClient();
  const refresh = useRefreshBookings();
  return (booking, message) => {
    client.setQueryData(deskKeys.booking(booking.id), booking);
    refresh();
    notifications.show({ color: 'teal', message });
  };
}
