/**
 * Complaint deadlines as pure arithmetic. A target is an amount of working days (counted only on
 * the working calendar's days, in the property's time zone: 5 working days from Friday 10:00 ends
 * the next Friday 10:00, or later across a holiday) or of clock hours (a major complaint is not
 * left over a holiday). Time paused while waiting on the guest does not count. `deadlineOf` says
 * when the target is reached; `shareUsed` how much of it has gone by at an instant (0.8 is "due
 * soon"); `workingHoursBetween` how much working time a step took, as the measures count it.
 */
import { DateTime } from 'luxon';
import type { WorkingCalendar } from './working-calendar';

export interface Target {
  amount: number;
  unit: 'working_days' | 'hours';
}

/** While waiting on the guest: from `from` until `to` (null: still waiting). ISO instants. */
export interface Pause {
  from: string;
  to: string | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Beyond this the walk stops: no target runs for more than a year of calendar. */
const MAX_DAYS = 400;

const ms = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
const iso = (millis: number) => DateTime.fromMillis(millis, { zone: 'UTC' }).toISO()!;

function targetMs(target: Target): number {
  return target.amount * (target.unit === 'working_days' ? DAY_MS : HOUR_MS);
}

interface LocalDay {
  date: string;
  start: number;
  end: number;
}

/**
 * Local days by zone and date, worked out once: the zone arithmetic is what a walk costs, and every
 * ticket's walk crosses the same few hundred days.
 */
const localDays = new Map<string, LocalDay>();

function localDay(zone: string, date: string): LocalDay {
  const key = `${zone}|${date}`;
  let day = localDays.get(key);
  if (!day) {
    const start = DateTime.fromISO(date, { zone }).startOf('day');
    day = { date, start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
    localDays.set(key, day);
  }
  return day;
}

const dateAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * The stretches of time that count from `start` until `until`, in order: each local day (working
 * days only, for day targets) less the pauses. Nothing counts once a pause without an end begins.
 */
function* countingTime(
  start: number,
  until: number,
  unit: Target['unit'],
  zone: string,
  calendar: WorkingCalendar,
  pauses: readonly Pause[],
) {
  const paused = pauses
    .map((p) => ({ from: ms(p.from), to: p.to === null ? Infinity : ms(p.to) }))
    .sort((a, b) => a.from - b.from);
  const first = DateTime.fromMillis(start, { zone }).toISODate()!;
  for (let day = localDay(zone, first); day.start < until; day = localDay(zone, dateAfter(day.date))) {
    if (unit === 'working_days' && !calendar.isWorkingDay(day.date)) continue;
    let from = Math.max(start, day.start);
    const to = Math.min(until, day.end);
    for (const pause of paused) {
      if (pause.to <= from || pause.from >= to) continue;
      if (pause.from > from) yield { from, to: pause.from };
      from = Math.max(from, pause.to);
      if (from >= to) break;
    }
    if (from === Infinity) return;
    if (from < to) yield { from, to };
  }
}

/** The milliseconds that count between `start` and `until`. */
function countedMs(
  start: number,
  until: number,
  unit: Target['unit'],
  zone: string,
  calendar: WorkingCalendar,
  pauses: readonly Pause[],
): number {
  let counted = 0;
  for (const { from, to } of countingTime(start, until, unit, zone, calendar, pauses)) counted += to - from;
  return counted;
}

/** When the target is reached, or null while a pause is still open before it is (or beyond a year). */
export function deadlineOf(
  start: string,
  target: Target,
  zone: string,
  calendar: WorkingCalendar,
  pauses: readonly Pause[] = [],
): string | null {
  let left = targetMs(target);
  const begin = ms(start);
  for (const { from, to } of countingTime(begin, begin + MAX_DAYS * DAY_MS, target.unit, zone, calendar, pauses)) {
    if (to - from >= left) return iso(from + left);
    left -= to - from;
  }
  return null;
}

/** The share of the target gone by at `at` (0 to 1 and beyond, when overdue). */
export function shareUsed(
  start: string,
  at: string,
  target: Target,
  zone: string,
  calendar: WorkingCalendar,
  pauses: readonly Pause[] = [],
): number {
  return countedMs(ms(start), ms(at), target.unit, zone, calendar, pauses) / targetMs(target);
}

/**
 * The working time from `start` to `end` in hours: only the working days of the calendar count, in
 * the property's zone, less the pauses (0 when `end` is not after `start`).
 */
export function workingHoursBetween(
  start: string,
  end: string,
  zone: string,
  calendar: WorkingCalendar,
  pauses: readonly Pause[] = [],
): number {
  return countedMs(ms(start), ms(end), 'working_days', zone, calendar, pauses) / HOUR_MS;
}
