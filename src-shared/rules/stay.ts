/**
 * Stay dates are local calendar dates of the property (`YYYY-MM-DD`); a stay from arrival to
 * departure occupies the nights arrival … departure − 1.
 */
import { DateTime } from 'luxon';

/** The longest stay a property may allow; its own limit (`max_stay_nights`, a setting) is 90 nights unless an admin changes it. */
export const STAY_NIGHTS_LIMIT = 365;

function date(value: string): DateTime {
  return DateTime.fromISO(value, { zone: 'UTC' });
}

export function addDays(day: string, days: number): string {
  return date(day).plus({ days }).toISODate()!;
}

/**
 * The nights of a stay; empty when departure is not after arrival. Never more than
 * STAY_NIGHTS_LIMIT + 1: a stay that long is too long anywhere, and its length says so.
 */
export function stayNights(arrival: string, departure: string): string[] {
  const nights: string[] = [];
  for (let night = arrival; night < departure && nights.length <= STAY_NIGHTS_LIMIT; night = addDays(night, 1))
    nights.push(night);
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
