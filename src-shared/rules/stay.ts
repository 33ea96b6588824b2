/**
 * Stay dates are local calendar dates of the property (`YYYY-MM-DD`); a stay from arrival to
 * departure occupies the nights arrival … departure − 1.
 */
import { DateTime } from 'luxon';

export const MAX_STAY_NIGHTS = 90;

function date(value: string): DateTime {
  return DateTime.fromISO(value, { zone: 'UTC' });
}

export function addDays(day: string, days: number): string {
  return date(day).plus({ days }).toISODate()!;
}

/** The nights of a stay; empty when departure is not after arrival. */
export function stayNights(arrival: string, departure: string): string[] {
  const nights: string[] = [];
  for (let night = arrival; night < departure && nights.length <= MAX_STAY_NIGHTS; night = addDays(night, 1)) nights.push(night);
  return nights;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(day: string): number {
  return date(day).weekday;
}

/** Bit of a weekday in a rate's weekday mask (bit 0 = Monday … bit 6 = Sunday). */
export function weekdayBit(day: string): number {
  return 1 << (weekday(day) - 1);
}

export const ALL_WEEKDAYS = 0b1111111;

/** The dates from `from` for `count` days, for grids. */
export function dateRange(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}
