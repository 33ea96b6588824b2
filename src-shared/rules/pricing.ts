/**
 * The nightly price breakdown of a stay. A rate plan has prices per room type by date range and
 * weekday; where ranges overlap the most recently added price wins; a night no price covers is
 * sold at the room type's base rate. The desk and the server price from the same rows.
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

/** A stored price row of a plan for one room type, as desks and the server hold it. */
export interface RatePriceRow {
  id: string;
  start_date: string;
  end_date: string;
  weekdays: number;
  price_fen: number;
  created_at: string;
}

/** A plan's price rows for one room type in the order they were added (creation time, then id): later ones win. */
export function ratePricesFromRows(rows: readonly RatePriceRow[]): RatePrice[] {
  return [...rows]
    .sort((a, b) =>
      a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    )
    .map((row, order) => ({
      startDate: row.start_date,
      endDate: row.end_date,
      weekdays: row.weekdays,
      priceFen: row.price_fen,
      order,
    }));
}

export interface NightPrice {
  night: string;
  priceFen: number;
}

/** The price that decides a night: the latest added that covers it; none when the night is sold at the base rate. */
export function coveringPrice(prices: readonly RatePrice[], night: string): RatePrice | undefined {
  let best: RatePrice | undefined;
  for (const price of prices) {
    if (night < price.startDate || night > price.endDate || (price.weekdays & weekdayBit(night)) === 0) continue;
    if (!best || price.order > best.order) best = price;
  }
  return best;
}

export function nightPrice(prices: readonly RatePrice[], baseRateFen: number, night: string): number {
  return coveringPrice(prices, night)?.priceFen ?? baseRateFen;
}

export function priceBreakdown(
  prices: readonly RatePrice[],
  baseRateFen: number,
  arrival: string,
  departure: string,
): { nights: NightPrice[]; totalFen: number } {
  const nights = stayNights(arrival, departure).map((night) => ({
    night,
    priceFen: nightPrice(prices, baseRateFen, night),
  }));
  return { nights, totalFen: nights.reduce((sum, n) => sum + n.priceFen, 0) };
}
