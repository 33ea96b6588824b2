/**
 * The desk's reads and what a booking write refreshes. Every booking read starts with
 * ['bookings'], so one invalidation after a write (check-in, payment, night audit…) refreshes the
 * day's lists, open drawers, quotes and search results together.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-client';

export const deskKeys = {
  bookings: ['bookings'],
  day: ['bookings', 'day'],
  /** Under ['bookings']: a night audit (or any booking write) refreshes it with the lists. */
  businessDay: ['bookings', 'businessDay'],
  booking: (id: string) => ['bookings', 'get', id],
  search: (q: string) => ['bookings', 'search', q],
  guest: (id: string) => [...queryKeys.guests, 'get', id],
  roomTypes: ['roomTypes'],
  ratePlans: ['ratePlans'],
} as const;

export function useBusinessDay() {
  return useQuery({ queryKey: deskKeys.day, queryFn: () => call('bookings.day') });
}

export function useBooking(id: string | null) {
  return useQuery({ queryKey: deskKeys.booking(id ?? ''), queryFn: () => call('bookings.get', { id: id! }), enabled: id !== null });
}

export function useRoomTypes() {
  return useQuery({ queryKey: deskKeys.roomTypes, queryFn: () => call('roomTypes.list'), staleTime: 60_000 });
}

export function useRatePlans() {
  return useQuery({ queryKey: deskKeys.ratePlans, queryFn: () => call('ratePlans.list'), staleTime: 60_000 });
}

/** After any booking write: the bookings, and the guests whose stay lists it changes. */
export function useRefreshBookings(): () => void {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: deskKeys.bookings });
    void client.invalidateQueries({ queryKey: queryKeys.guests });
  };
}
