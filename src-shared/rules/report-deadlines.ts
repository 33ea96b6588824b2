/**
 * Report sign-off deadlines as pure arithmetic. A daily report covers one business date
 * (2026-11-30), a weekly one an ISO week, Monday to Sunday (2026-W48), the three monthly ones a
 * calendar month (2026-11). A period ends when its last date's calendar day ends in the property's
 * zone; its report is due within 24 (daily), 48 (weekly) or 72 (monthly) elapsed hours after
 * that. A report may be submitted once its period is finished: its last date closed by the night
 * audit (the business date has moved past it) or its calendar days over, whichever comes first —
 * before then its figures can still change. The report calendar lists, for a month, the dailies
 * of its dates, the weeks that end in it and its three monthly reports.
 */
import { DateTime } from 'luxon';
import type { ReportKind } from '../contract/report-kinds';
import { dayEndsAt } from './business-day';
import { addDays } from './stay';

export type ReportCadence = 'daily' | 'weekly' | 'monthly';

export const CADENCE: Readonly<Record<ReportKind, ReportCadence>> = {
  daily: 'daily',
  weekly: 'weekly',
  operations: 'monthly',
  risk: 'monthly',
  satisfaction: 'monthly',
};

/** Hours after the period ends by which its report is due. */
export const DEADLINE_HOURS: Readonly<Record<ReportCadence, number>> = { daily: 24, weekly: 48, monthly: 72 };

/**
 * Where a report stands: `open` while its period is not finished (nothing to submit yet), `due`
 * once it is and until the deadline, `late` after it; `submitted` on time or `submitted_late`.
 */
export const REPORT_DUE_STATES = ['open', 'due', 'late', 'submitted', 'submitted_late'] as const;
export type ReportDueState = (typeof REPORT_DUE_STATES)[number];

const HOUR_MS = 3_600_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const utcDate = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });

/** The first and last local dates of a period, or null when the period is not one of the kind's (2026-02-30, 2026-W54, a month for a daily). */
export function periodDates(kind: ReportKind, period: string): { first: string; last: string } | null {
  switch (CADENCE[kind]) {
    case 'daily': {
      const day = utcDate(period);
      return /^\d{4}-\d{2}-\d{2}$/.test(period) && day.isValid && day.toISODate() === period
        ? { first: period, last: period }
        : null;
    }
    case 'weekly': {
      const match = /^(\d{4})-W(\d{2})$/.exec(period);
      if (!match) return null;
      const monday = DateTime.fromObject(
        { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
        { zone: 'UTC' },
      );
      // Luxon rolls week 53 of a 52-week year into the next year; the round trip refuses it.
      if (!monday.isValid || monday.weekYear !== Number(match[1]) || monday.weekNumber !== Number(match[2]))
        return null;
      const first = monday.toISODate()!;
      return { first, last: addDays(first, 6) };
    }
    case 'monthly': {
      if (!MONTH.test(period)) return null;
      const first = `${period}-01`;
      return { first, last: utcDate(first).endOf('month').toISODate()! };
    }
  }
}

export function isPeriodOf(kind: ReportKind, period: string): boolean {
  return periodDates(kind, period) !== null;
}

function datesOf(kind: ReportKind, period: string): { first: string; last: string } {
  const dates = periodDates(kind, period);
  if (!dates) throw new RangeError(`${period} is not a ${kind} report period`);
  return dates;
}

/** The instant the period ends: its last date's calendar day over in the property's zone (UTC ISO). */
export function periodEndsAt(kind: ReportKind, period: string, timeZone: string): string {
  return dayEndsAt(datesOf(kind, period).last, timeZone);
}

/** The instant the report is due: DEADLINE_HOURS elapsed hours after its period ends (UTC ISO). */
export function deadlineOf(kind: ReportKind, period: string, timeZone: string): string {
  const ends = Date.parse(periodEndsAt(kind, period, timeZone));
  return new Date(ends + DEADLINE_HOURS[CADENCE[kind]] * HOUR_MS).toISOString();
}

export interface PeriodState {
  /** The property's open business date. */
  businessDate: string;
  now: Date | string;
  timeZone: string;
}

/** The figures of the period can no longer change: its last date is closed by the night audit, or its days are over. */
export function isFinished(kind: ReportKind, period: string, { businessDate, now, timeZone }: PeriodState): boolean {
  const { last } = datesOf(kind, period);
  return last < businessDate || new Date(now).getTime() >= Date.parse(dayEndsAt(last, timeZone));
}

/** Where the report of a period stands at `now`, given when (if ever) it was submitted. */
export function dueState(
  kind: ReportKind,
  period: string,
  state: PeriodState & { submittedAt: string | null },
): ReportDueState {
  const deadline = Date.parse(deadlineOf(kind, period, state.timeZone));
  if (state.submittedAt !== null) return Date.parse(state.submittedAt) > deadline ? 'submitted_late' : 'submitted';
  if (!isFinished(kind, period, state)) return 'open';
  return new Date(state.now).getTime() > deadline ? 'late' : 'due';
}

/** The ISO week a local date falls in, e.g. 2026-W48. */
export function weekOf(date: string): string {
  const day = utcDate(date);
  return `${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`;
}

/** The local dates of a month (2026-11 → 2026-11-01 … 2026-11-30). */
export function datesOfMonth(month: string): string[] {
  const { first, last } = datesOf('operations', month);
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * The reports a month's calendar lists, in order: a daily for each of its dates, a weekly for each
 * ISO week whose Sunday falls in it (so every week belongs to exactly one month), then the month's
 * operations, risk and satisfaction reports. `kinds` leaves out kinds the desk does not file;
 * `from` leaves out periods that ended before it (the days before the property was set up).
 */
export function periodsOfMonth(
  month: string,
  options: { kinds?: readonly ReportKind[]; from?: string } = {},
): { kind: ReportKind; period: string }[] {
  const files = (kind: ReportKind) => options.kinds === undefined || options.kinds.includes(kind);
  const from = options.from ?? '';
  const dates = datesOfMonth(month).filter((date) => date >= from);
  const periods: { kind: ReportKind; period: string }[] = [];
  if (files('daily')) for (const date of dates) periods.push({ kind: 'daily', period: date });
  if (files('weekly'))
    for (const date of dates) if (utcDate(date).weekday === 7) periods.push({ kind: 'weekly', period: weekOf(date) });
  if (dates.length > 0)
    for (const kind of ['operations', 'risk', 'satisfaction'] as const)
      if (files(kind)) periods.push({ kind, period: month });
  return periods;
}
