/**
 * The business day: the property's trading date, which is state — set at setup to the property's
 * date and moved only by the night audit, one day per run — not the clock. Hotels audit after
 * midnight, so between midnight and the audit the calendar is a day ahead of the business date,
 * and the desk keeps selling in the business date. These pure functions answer, for a business
 * date and an instant in the property's zone: which date an audit closes and whether that is
 * early, how far the business date lags the calendar, and what a walk-in books.
 */
import { DateTime } from 'luxon';
import { addDays } from './stay';

/** More calendar days behind than this and the desk says so until the audits catch up. */
export const LAG_WARNING_DAYS = 1;

function instant(value: Date | string): DateTime {
  return typeof value === 'string'
    ? DateTime.fromISO(value, { zone: 'UTC' })
    : DateTime.fromJSDate(value, { zone: 'UTC' });
}

/** The property's calendar date at an instant. */
export function calendarDate(at: Date | string, timeZone: string): string {
  return instant(at).setZone(timeZone).toISODate()!;
}

/**
 * The first instant of a local date (UTC ISO). Where a change to summer time skips midnight, the
 * day begins at the first local time that exists (01:00 in Santiago on the first Sunday of September).
 */
export function dayStartsAt(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toUTC().toISO()!;
}

/** The instant a local date ends: the next date's first instant (days of 23 and 25 hours included). */
export function dayEndsAt(date: string, timeZone: string): string {
  return dayStartsAt(addDays(date, 1), timeZone);
}

/** An instant as the property's wall clock shows it, `YYYY-MM-DD HH:mm` (for messages in any language). */
export function wallClock(at: Date | string, timeZone: string): string {
  return instant(at).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm');
}

/** Whole calendar days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

export interface AuditPlan {
  /** The date the audit closes: always the open business date, never the calendar's. */
  closes: string;
  /** The business date once it has run. */
  opens: string;
  /** When the closing date's calendar day ends in the property's zone. */
  endsAt: string;
  /** The closing date's calendar day has not yet ended: closing now is an early close. */
  early: boolean;
  /** The closing date's calendar day has not even begun: no audit may close it. */
  notStarted: boolean;
}

/** What a night audit run at `at` does, on a property whose open business date is `businessDate`. */
export function auditPlan(businessDate: string, at: Date | string, timeZone: string): AuditPlan {
  const now = instant(at).toMillis();
  const endsAt = dayEndsAt(businessDate, timeZone);
  return {
    closes: businessDate,
    opens: addDays(businessDate, 1),
    endsAt,
    early: now < Date.parse(endsAt),
    notStarted: now < Date.parse(dayStartsAt(businessDate, timeZone)),
  };
}

/**
 * How many calendar days the business date is behind the property's calendar at `at`: 0 during
 * the day, 1 between midnight and the audit, more when audits were missed (negative after an
 * early close, until midnight).
 */
export function businessDateLag(businessDate: string, at: Date | string, timeZone: string): number {
  return daysBetween(businessDate, calendarDate(at, timeZone));
}

/** Whether the desk must say that audits are behind (it closes one date per run until they catch up). */
export function lagsBehind(businessDate: string, at: Date | string, timeZone: string): boolean {
  return businessDateLag(businessDate, at, timeZone) > LAG_WARNING_DAYS;
}

/**
 * What a walk-in books: the nights from the open business date, whatever the clock says — at 01:30
 * before the audit a guest takes the rest of the night that began the evening before, and that is
 * the night the desk sells, charges and counts.
 */
export function walkInStay(businessDate: string, nights = 1): { arrival: string; departure: string } {
  return { arrival: businessDate, departure: addDays(businessDate, Math.max(1, nights)) };
}

/** The business date a property starts with at setup: its own calendar date then. */
export function businessDateAtSetup(at: Date | string, timeZone: string): string {
  return calendarDate(at, timeZone);
}
