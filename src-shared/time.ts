/**
 * Calendar dates and instants in the property's time zone, whatever the PC's own zone is.
 * Stay dates are local `YYYY-MM-DD`; instants are UTC ISO strings.
 */
import { DateTime } from 'luxon';

/** The UTC instant at which a local calendar date begins in a zone. */
export function localDayStartUtc(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toUTC().toISO()!;
}

export function nextLocalDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return dt.setZone(timeZone).toISODate()!;
}

/** A local date some months later (the same day, or the month's last day when it has fewer). */
export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate()!;
}

/** The ISO week of a local date, e.g. 2026-W48, and its Monday … Sunday dates. */
export function isoWeek(date: string): { key: string; days: string[] } {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  const monday = day.startOf('week');
  return {
    key: `${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`,
    days: Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toISODate()!),
  };
}
