/**
 * What the new-booking form shows live: how many rooms of each type are free on every night of
 * the stay (the fewest across the nights), and the quote for the chosen type and plan.
 */
import { useMemo } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import type { RatePlan, RoomType } from '@shared/contract';
import { priceBreakdown, type RatePrice } from '@shared/rules/pricing';
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

/**
 * What each room type costs for the stay under the chosen plan (the base rate without one), by
 * the shared pricing rule the desk and server price bookings with, so the room type list can show
 * it beside the rooms free without a quote per type.
 */
export function useTypePrices(
  roomTypes: readonly RoomType[] | undefined,
  plan: RatePlan | undefined,
  arrival: string,
  departure: string,
): Map<string, { firstNightFen: number; totalFen: number }> {
  return useMemo(() => {
    const prices = new Map<string, { firstNightFen: number; totalFen: number }>();
    if (!roomTypes || !arrival || !(departure > arrival)) return prices;
    for (const type of roomTypes) {
      // ratePlans.list keeps each plan's prices in the order they were added: later ones win.
      const own: RatePrice[] = (plan?.prices ?? [])
        .filter((p) => p.roomTypeId === type.id)
        .map((p, order) => ({
          startDate: p.startDate,
          endDate: p.endDate,
          weekdays: p.weekdays,
          priceFen: p.priceFen,
          order,
        }));
      const { nights, totalFen } = priceBreakdown(own, type.baseRateFen, arrival, departure);
      prices.set(type.id, { firstNightFen: nights[0]?.priceFen ?? 0, totalFen });
    }
    return prices;
  }, [roomTypes, plan, arrival, departure]);
}
