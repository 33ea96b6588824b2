/**
 * What the new-booking form shows live: how many rooms of each type are free on every night of
 * the stay (the fewest across the nights), and the quote for the chosen type and plan.
 */
import { useMemo } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { useCall } from '../../../api/use-call';

const MAX_GRID_NIGHTS = 62;

export function useFreeRooms(arrival: string, nights: number): Map<string, number> {
  const valid = Boolean(arrival) && nights >= 1 && nights <= MAX_GRID_NIGHTS;
  const grid = useCall(
    'availability.grid',
    { from: arrival, nights },
    { enabled: valid, placeholderData: keepPreviousData },
  );
  return useMemo(
    () =>
      new Map(
        (grid.data ?? []).map((row) => [
          row.roomTypeId,
          Math.min(...row.cells.map((c) => (c.closed ? 0 : c.available))),
        ]),
      ),
    [grid.data],
  );
}

export function useQuote(stay: {
  arrival: string;
  departure: string;
  roomTypeId: string | null;
  ratePlanId: string | null;
}) {
  const { arrival, departure, roomTypeId, ratePlanId } = stay;
  return useCall(
    'bookings.quote',
    { arrival, departure, roomTypeId: roomTypeId ?? '', ratePlanId },
    { enabled: Boolean(roomTypeId && arrival && departure > arrival), placeholderData: keepPreviousData },
  );
}
