/**
 * The nightly price breakdown of a stay. A rate plan has prices per room type by date range and
 * weekday; where ranges overlap the most recently added price wins; a night no price covers is
 * sold at the room type's base rate.
 */
import { stayNights, weekdayBit } from './stay';

export interface RatePrice {
  startDate: string;
  endDate: string;
  /** Weekday mask, bit 0 = Monday … bit 6 = Sunday. */
  weekdays: number;
  priceFen: number;
  /** Later additions win over earlier ones. */
  order: number;
}

export interface NightPrice {
  night: string;
  priceFen: number;
}

export function nightPrice(prices: readonly RatePrice[], baseRateFen: number, night: string): number {
  let best: RatePrice | undefined;
  for (const price of prices) {
    if (night < price.startDate || night > price.endDate || (price.weekdays & weekdayBit(night)) === 0) continue;
    if (!best || price.order > best.order) best = price;
  }
  return best ? best.priceFen : baseRateFen;
}

export function priceBreakdown(prices: readonly RatePrice[], baseRateFen: number, arrival: string, departure: string): { nights: NightPrice[]; totalFen: number } {
  const nights = stayNights(arrival, departure).map((night) => ({ night, priceFen: nightPrice(prices, baseRateFen, night) }));
  return { nights, totalFen: nights.reduce((sum, n) => sum + n.priceFen, 0) };
}
