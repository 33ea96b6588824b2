/**
 * What the new-booking form shows live: how many rooms of each type are free on every night of
 * the stay (the fewest across the nights), and the quote for the chosen type and plan.
 */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/client';
import { deskKeys } from '../desk-queries';

const MAX_GRID_NIGHTS = 62;

export function useFreeRooms(arrival: string, nights: number): Map<string, number> {
  const valid = Boolean(arrival) && nights >= 1 && nights <= MAX_GRID_NIGHTS;
  const grid = useQuery({
    queryKey: [...deskKeys.bookings, 'free', arrival, nights],
    queryFn: () => call('availability.grid', { from: arrival, nights }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => new Map((grid.data ?? []).map((row) => [row.roomTypeId, Math.min(...row.cells.map((c) => (c.closed ? 0 : c.available)))])), [grid.data]);
}

export function useQuote(stay: { arrival: string; departure: string; roomTypeId: string | null; ratePlanId: string | null }) {
  const { arrival, departure, roomTypeId, ratePlanId } = stay;
  return useQuery({
    queryKey: [...deskKeys.bookings, 'quote', arrival, departure, roomTypeId, ratePlanId],
    queryFn: () => call('bookings.quote', { arrival, departure, roomTypeId: roomTypeId!, ratePlanId }),
    enabled: Boolean(roomTypeId && arrival && departure > arrival),
    placeholderData: keepPreviousData,
  });
}
