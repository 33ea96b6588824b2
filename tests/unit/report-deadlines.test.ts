/**
 * Report sign-off deadlines: which dates a period covers, when it ends and when its report is due
 * (24, 48 and 72 hours after, in the property's zone, across New York's change back to winter
 * time), when it is finished enough to submit, where a report stands at an instant — each on both
 * sides of its boundary — and which reports a month's calendar lists.
 */
import { describe, expect, it } from 'vitest';
import type { ReportKind } from '@shared/contract/report-kinds';
import {
  deadlineOf,
  dueState,
  isFinished,
  periodDates,
  periodEndsAt,
  periodsOfMonth,
  weekOf,
} from '@shared/rules/report-deadlines';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('the dates a period covers', () => {
  it.each([
    // [kind, period, first, last]
    ['daily', '2026-11-26', '2026-11-26', '2026-11-26'],
    ['weekly', '2026-W48', '2026-11-23', '2026-11-29'],
    ['weekly', '2026-W01', '2025-12-29', '2026-01-04'], // week 1 begins in the year before
    ['weekly', '2026-W53', '2026-12-28', '2027-01-03'], // 2026 begins on a Thursday: 53 weeks
    ['operations', '2026-11', '2026-11-01', '2026-11-30'],
    ['risk', '2026-02', '2026-02-01', '2026-02-28'],
    ['satisfaction', '2028-02', '2028-02-01', '2028-02-29'],
  ] as const)('%s %s: %s to %s', (kind, period, first, last) => {
    expect(periodDates(kind, period)).toEqual({ first, last });
  });

  it.each([
    ['daily', '2026-02-30'],
    ['daily', '2026-11'],
    ['daily', '2026-W48'],
    ['weekly', '2025-W53'], // 2025 has 52 weeks
    ['weekly', '2026-W00'],
    ['weekly', '2026-W54'],
    ['weekly', '2026-11-26'],
    ['operations', '2026-13'],
    ['risk', '2026-00'],
    ['satisfaction', '2026-11-01'],
  ] as const)('%s %s is no period of its kind', (kind, period) => {
    expect(periodDates(kind, period)).toBeNull();
  });

  it.each([
    ['2026-11-26', '2026-W48'],
    ['2026-11-29', '2026-W48'],
    ['2026-11-30', '2026-W49'],
    ['2027-01-03', '2026-W53'],
    ['2026-01-01', '2026-W01'],
  ])('%s falls in %s', (date, week) => {
    expect(weekOf(date)).toBe(week);
  });
});

describe('when a period ends and its report is due', () => {
  it.each([
    // [zone, kind, period, ends (UTC), due (UTC)]
    // Shanghai (UTC+8): 26 November ends at midnight, 16:00Z; due 24 hours later.
    [SHANGHAI, 'daily', '2026-11-26', '2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z'],
    // The week of 23–29 November ends on Sunday at midnight; due 48 hours later (Tuesday 24:00).
    [SHANGHAI, 'weekly', '2026-W48', '2026-11-29T16:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    // November ends on the 30th at midnight; its three reports are due 72 hours later.
    [SHANGHAI, 'operations', '2026-11', '2026-11-30T16:00:00.000Z', '2026-12-03T16:00:00.000Z'],
    [SHANGHAI, 'risk', '2026-02', '2026-02-28T16:00:00.000Z', '2026-03-03T16:00:00.000Z'],
    // New York: 31 October ends at 00:00 EDT (04:00Z); 24 elapsed hours later the clocks went back, so 23:00 EST.
    [NEW_YORK, 'daily', '2026-10-31', '2026-11-01T04:00:00.000Z', '2026-11-02T04:00:00.000Z'],
    // 1 November has 25 hours and ends at 00:00 EST (05:00Z).
    [NEW_YORK, 'daily', '2026-11-01', '2026-11-02T05:00:00.000Z', '2026-11-03T05:00:00.000Z'],
  ] as const)('%s, %s %s: ends %s, due %s', (zone, kind, period, ends, due) => {
    expect(periodEndsAt(kind, period, zone)).toBe(ends);
    expect(deadlineOf(kind, period, zone)).toBe(due);
  });

  it('refuses a period that is not one', () => {
    expect(() => deadlineOf('daily', '2026-11', SHANGHAI)).toThrow(RangeError);
  });
});

describe('when a period is finished enough to submit', () => {
  it.each([
    // [kind, period, open business date, now (UTC), finished]
    ['daily', '2026-11-26', '2026-11-26', '2026-11-26T15:59:59Z', false], // 23:59:59, not audited
    ['daily', '2026-11-26', '2026-11-26', '2026-11-26T16:00:00Z', true], // midnight: the calendar day is over
    ['daily', '2026-11-26', '2026-11-27', '2026-11-26T10:00:00Z', true], // closed early by the night audit
    ['daily', '2026-11-27', '2026-11-27', '2026-11-26T10:00:00Z', false], // tomorrow
    ['weekly', '2026-W48', '2026-11-29', '2026-11-29T15:59:59Z', false],
    ['weekly', '2026-W48', '2026-11-29', '2026-11-29T16:00:00Z', true],
    ['weekly', '2026-W48', '2026-11-30', '2026-11-29T12:00:00Z', true], // Sunday closed by the audit
    ['operations', '2026-11', '2026-11-30', '2026-11-30T15:59:59Z', false],
    ['operations', '2026-11', '2026-11-30', '2026-11-30T16:00:00Z', true],
    ['satisfaction', '2026-11', '2026-12-01', '2026-11-30T14:00:00Z', true], // the month's last date closed
    ['risk', '2026-11', '2026-11-29', '2026-11-30T10:00:00Z', false],
  ] as const)('%s %s, business date %s, at %s: %s', (kind, period, businessDate, now, finished) => {
    expect(isFinished(kind, period, { businessDate, now, timeZone: SHANGHAI })).toBe(finished);
  });
});

describe('where a report stands', () => {
  const at = (
    kind: ReportKind,
    period: string,
    now: string,
    submittedAt: string | null = null,
    businessDate = '2026-11-26',
  ) => dueState(kind, period, { businessDate, now, timeZone: SHANGHAI, submittedAt });

  it.each([
    // [kind, period, now (UTC), state]
    ['daily', '2026-11-26', '2026-11-26T10:00:00Z', 'open'],
    ['daily', '2026-11-26', '2026-11-26T16:00:00Z', 'due'],
    ['daily', '2026-11-26', '2026-11-27T16:00:00Z', 'due'], // the deadline itself is still within 24 h
    ['daily', '2026-11-26', '2026-11-27T16:00:01Z', 'late'],
    ['weekly', '2026-W48', '2026-12-01T16:00:00Z', 'due'],
    ['weekly', '2026-W48', '2026-12-01T16:00:01Z', 'late'],
    ['operations', '2026-11', '2026-12-03T16:00:00Z', 'due'],
    ['operations', '2026-11', '2026-12-03T16:00:01Z', 'late'],
  ] as const)('%s %s, not submitted, at %s: %s', (kind, period, now, state) => {
    expect(at(kind, period, now)).toBe(state);
  });

  it.each([
    // [kind, period, submitted at (UTC), state]
    ['daily', '2026-11-26', '2026-11-27T16:00:00.000Z', 'submitted'],
    ['daily', '2026-11-26', '2026-11-27T16:00:00.001Z', 'submitted_late'],
    ['weekly', '2026-W48', '2026-12-01T16:00:00.000Z', 'submitted'],
    ['weekly', '2026-W48', '2026-12-01T16:00:01.000Z', 'submitted_late'],
    ['risk', '2026-11', '2026-12-03T16:00:00.000Z', 'submitted'],
    ['risk', '2026-11', '2026-12-03T16:00:01.000Z', 'submitted_late'],
  ] as const)('%s %s submitted at %s: %s', (kind, period, submittedAt, state) => {
    expect(at(kind, period, '2026-12-10T00:00:00Z', submittedAt)).toBe(state);
  });

  it('a report submitted on an early close of its date is on time', () => {
    expect(at('daily', '2026-11-26', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00.000Z', '2026-11-27')).toBe(
      'submitted',
    );
  });
});

describe('the reports a month lists', () => {
  it('November 2026: 30 dailies, the 5 weeks ending in it, the 3 monthly reports', () => {
    const periods = periodsOfMonth('2026-11');
    expect(periods.filter((p) => p.kind === 'daily')).toHaveLength(30);
    expect(periods.filter((p) => p.kind === 'weekly').map((p) => p.period)).toEqual([
      '2026-W44', // 26 October – 1 November
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    expect(periods.slice(-3)).toEqual([
      { kind: 'operations', period: '2026-11' },
      { kind: 'risk', period: '2026-11' },
      { kind: 'satisfaction', period: '2026-11' },
    ]);
  });

  it('week 53 of 2026 belongs to January 2027, where its Sunday falls', () => {
    expect(periodsOfMonth('2027-01', { kinds: ['weekly'] })[0]).toEqual({ kind: 'weekly', period: '2026-W53' });
    expect(periodsOfMonth('2026-12', { kinds: ['weekly'] }).map((p) => p.period)).not.toContain('2026-W53');
  });

  it('leaves out the days before the property began and kinds the desk does not file', () => {
    expect(periodsOfMonth('2026-11', { from: '2026-11-26', kinds: ['daily', 'operations'] })).toEqual([
      { kind: 'daily', period: '2026-11-26' },
      { kind: 'daily', period: '2026-11-27' },
      { kind: 'daily', period: '2026-11-28' },
      { kind: 'daily', period: '2026-11-29' },
      { kind: 'daily', period: '2026-11-30' },
      { kind: 'operations', period: '2026-11' },
    ]);
    // The week of 23–29 November ended after the property began: listed.
    expect(periodsOfMonth('2026-11', { from: '2026-11-26', kinds: ['weekly'] })).toEqual([
      { kind: 'weekly', period: '2026-W48' },
    ]);
    expect(periodsOfMonth('2026-10', { from: '2026-11-26' })).toEqual([]);
  });
});
