/**
 * Complaint deadlines counted on China's working calendar, worked out by hand: the National Day and
 * Spring Festival holidays of 2026 and their make-up working days (调休), clock-hour targets over a
 * holiday, time paused while waiting on the guest, two property zones, and an admin's corrections
 * for a year the package does not know yet. The working hours a step took, as the measures count
 * them, across the same holidays: in the package, 2026's National Day is 1–7 October off with
 * Sunday 20 September and Saturday 10 October worked, and Mid-Autumn is 25–27 September off.
 */
import { describe, expect, it } from 'vitest';
import { deadlineOf, shareUsed, workingHoursBetween, type Pause, type Target } from '@shared/rules/deadlines';
import { chineseWorkingCalendar } from '@shared/rules/working-calendar';

const calendar = chineseWorkingCalendar();
const FIVE_DAYS: Target = { amount: 5, unit: 'working_days' };
const SHANGHAI = 'Asia/Shanghai';
const URUMQI = 'Asia/Urumqi';

describe('the working calendar', () => {
  it.each([
    ['2026-11-27', true], // a Friday
    ['2026-11-28', false], // a Saturday
    ['2026-10-01', false], // National Day
    ['2026-10-10', true], // a Saturday worked in lieu of National Day
    ['2026-09-20', true], // a Sunday worked in lieu
    ['2026-02-14', true], // a Saturday worked before the Spring Festival
    ['2026-02-23', false], // the last day of the Spring Festival holiday
  ])('%s is a working day: %s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  // The package's own isWorkday read dates in the process's zone: west of Greenwich it answered for the day before.
  it('gives the same answers whatever zone the PC is set to', () => {
    const zone = process.env['TZ'];
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env['TZ'] = tz;
        expect([
          calendar.isWorkingDay('2026-11-28'),
          calendar.isWorkingDay('2026-11-30'),
          calendar.isWorkingDay('2026-10-10'),
        ]).toEqual([false, true, true]);
      }
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});

describe('a deadline of 5 working days', () => {
  it.each([
    [
      'an ordinary week: Monday 10:00 to the next Monday 10:00',
      '2026-11-23T02:00:00.000Z',
      SHANGHAI,
      '2026-11-30T02:00:00.000Z',
    ],
    [
      'across National Day, with Saturday 10 October worked',
      '2026-09-30T02:00:00.000Z',
      SHANGHAI,
      '2026-10-13T02:00:00.000Z',
    ],
    [
      'opened on a Saturday, counted from the Sunday worked in lieu',
      '2026-09-19T02:00:00.000Z',
      SHANGHAI,
      '2026-09-24T16:00:00.000Z',
    ],
    [
      'across the Spring Festival, with Saturday 14 February worked',
      '2026-02-13T02:00:00.000Z',
      SHANGHAI,
      '2026-02-27T02:00:00.000Z',
    ],
    ['across National Day in Urumqi, at its own 10:00', '2026-09-30T04:00:00.000Z', URUMQI, '2026-10-13T04:00:00.000Z'],
    [
      'opened at 01:00 on 1 October in Shanghai: counted from the 8th',
      '2026-09-30T17:00:00.000Z',
      SHANGHAI,
      '2026-10-13T16:00:00.000Z',
    ],
    [
      'the same instant is 23:00 on 30 September in Urumqi: its last hour counts',
      '2026-09-30T17:00:00.000Z',
      URUMQI,
      '2026-10-13T17:00:00.000Z',
    ],
  ])('%s', (_case, opened, zone, due) => {
    expect(deadlineOf(opened, FIVE_DAYS, zone, calendar)).toBe(due);
  });

  it('moves by the time paused while waiting on the guest, and is open while a pause is', () => {
    const opened = '2026-11-23T02:00:00.000Z';
    expect(
      deadlineOf(opened, FIVE_DAYS, SHANGHAI, calendar, [
        { from: '2026-11-24T02:00:00.000Z', to: '2026-11-25T02:00:00.000Z' },
      ]),
    ).toBe('2026-12-01T02:00:00.000Z');
    // A pause over a weekend takes nothing off: those days do not count anyway.
    expect(
      deadlineOf(opened, FIVE_DAYS, SHANGHAI, calendar, [
        { from: '2026-11-27T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' },
      ]),
    ).toBe('2026-11-30T02:00:00.000Z');
    expect(
      deadlineOf(opened, FIVE_DAYS, SHANGHAI, calendar, [{ from: '2026-11-24T02:00:00.000Z', to: null }]),
    ).toBeNull();
  });

  it('is 80% used on the Friday 10:00 of an ordinary week, and over once past', () => {
    const opened = '2026-11-23T02:00:00.000Z';
    expect(shareUsed(opened, '2026-11-27T02:00:00.000Z', FIVE_DAYS, SHANGHAI, calendar)).toBeCloseTo(0.8, 10);
    expect(shareUsed(opened, '2026-11-29T02:00:00.000Z', FIVE_DAYS, SHANGHAI, calendar)).toBeCloseTo(110 / 120, 10);
    expect(shareUsed(opened, '2026-12-01T02:00:00.000Z', FIVE_DAYS, SHANGHAI, calendar)).toBeGreaterThan(1);
    expect(shareUsed(opened, '2026-11-22T02:00:00.000Z', FIVE_DAYS, SHANGHAI, calendar)).toBe(0);
  });
});

describe('a deadline in clock hours', () => {
  it('runs through a holiday: 24 hours from 10:00 on 1 October is 10:00 on the 2nd', () => {
    expect(deadlineOf('2026-10-01T02:00:00.000Z', { amount: 24, unit: 'hours' }, SHANGHAI, calendar)).toBe(
      '2026-10-02T02:00:00.000Z',
    );
  });
});

describe('an admin’s corrections', () => {
  it('count a day off and a Saturday worked that the package does not know yet', () => {
    const opened = '2027-02-05T02:00:00.000Z'; // a Friday, 10:00 in Shanghai
    const oneDay: Target = { amount: 1, unit: 'working_days' };
    expect(deadlineOf(opened, oneDay, SHANGHAI, calendar)).toBe('2027-02-08T02:00:00.000Z');
    const corrected = chineseWorkingCalendar({ daysOff: ['2027-02-08'], workingDays: ['2027-02-06'] });
    expect(corrected.isWorkingDay('2027-02-08')).toBe(false);
    expect(deadlineOf(opened, oneDay, SHANGHAI, corrected)).toBe('2027-02-06T02:00:00.000Z');
  });
});

describe('the working hours between two instants', () => {
  const allHoliday: Pause = { from: '2026-10-02T00:00:00.000Z', to: '2026-10-05T00:00:00.000Z' };
  it.each<[string, string, string, string, Pause[], number]>([
    // Shanghai (UTC+8): local 10:00 is 02:00 UTC.
    [
      'Wednesday 30 September 10:00 to Thursday 8 October 10:00: the holiday week is skipped',
      SHANGHAI,
      '2026-09-30T02:00:00.000Z',
      '2026-10-08T02:00:00.000Z',
      [],
      14 + 10,
    ],
    ['inside the holiday: nothing counts', SHANGHAI, '2026-10-02T02:00:00.000Z', '2026-10-05T02:00:00.000Z', [], 0],
    [
      'Friday 9 to Monday 12 October: Saturday the 10th worked, Sunday not',
      SHANGHAI,
      '2026-10-09T02:00:00.000Z',
      '2026-10-12T02:00:00.000Z',
      [],
      14 + 24 + 10,
    ],
    [
      'Saturday 19 to Monday 21 September 12:00: Sunday the 20th worked in lieu',
      SHANGHAI,
      '2026-09-19T04:00:00.000Z',
      '2026-09-21T04:00:00.000Z',
      [],
      24 + 12,
    ],
    [
      'Thursday 24 September 18:00 to Monday 28 September 09:00: Mid-Autumn is off',
      SHANGHAI,
      '2026-09-24T10:00:00.000Z',
      '2026-09-28T01:00:00.000Z',
      [],
      6 + 9,
    ],
    [
      'opened at 01:00 on 1 October: only the 8th counts',
      SHANGHAI,
      '2026-09-30T17:00:00.000Z',
      '2026-10-08T02:00:00.000Z',
      [],
      10,
    ],
    [
      '30 September 22:00 to 8 October 01:00',
      SHANGHAI,
      '2026-09-30T14:00:00.000Z',
      '2026-10-07T17:00:00.000Z',
      [],
      2 + 1,
    ],
    [
      'waiting on the guest from 12:00 on the 30th to 09:00 on the 8th',
      SHANGHAI,
      '2026-09-30T02:00:00.000Z',
      '2026-10-08T02:00:00.000Z',
      [{ from: '2026-09-30T04:00:00.000Z', to: '2026-10-08T01:00:00.000Z' }],
      2 + 1,
    ],
    [
      'a pause inside the holiday takes nothing off',
      SHANGHAI,
      '2026-09-30T02:00:00.000Z',
      '2026-10-08T02:00:00.000Z',
      [allHoliday],
      24,
    ],
    [
      'a pause still open from 12:00 on the 30th',
      SHANGHAI,
      '2026-09-30T02:00:00.000Z',
      '2026-10-08T02:00:00.000Z',
      [{ from: '2026-09-30T04:00:00.000Z', to: null }],
      2,
    ],
    ['an end before the start', SHANGHAI, '2026-10-08T02:00:00.000Z', '2026-09-30T02:00:00.000Z', [], 0],
    // Urumqi (UTC+6): local 10:00 is 04:00 UTC; the same instants fall on other local days.
    [
      'Wednesday 30 September 10:00 to Thursday 8 October 10:00, Urumqi time',
      URUMQI,
      '2026-09-30T04:00:00.000Z',
      '2026-10-08T04:00:00.000Z',
      [],
      14 + 10,
    ],
    [
      'Friday 9 to Monday 12 October, Urumqi time',
      URUMQI,
      '2026-10-09T04:00:00.000Z',
      '2026-10-12T04:00:00.000Z',
      [],
      14 + 24 + 10,
    ],
    [
      'the instant that is 01:00 on 1 October in Shanghai is 23:00 on the 30th here: that hour counts',
      URUMQI,
      '2026-09-30T17:00:00.000Z',
      '2026-10-08T02:00:00.000Z',
      [],
      1 + 8,
    ],
    [
      'the instant that is 01:00 on 8 October in Shanghai is 23:00 on the 7th here: a holiday hour',
      URUMQI,
      '2026-09-30T14:00:00.000Z',
      '2026-10-07T17:00:00.000Z',
      [],
      4,
    ],
    [
      'Mid-Autumn, Urumqi time: Thursday 18:00 to Monday 09:00',
      URUMQI,
      '2026-09-24T12:00:00.000Z',
      '2026-09-28T03:00:00.000Z',
      [],
      6 + 9,
    ],
  ])('%s (%s)', (_case, zone, start, end, pauses, hours) => {
    expect(workingHoursBetween(start, end, zone, calendar, pauses)).toBeCloseTo(hours, 10);
  });

  it('follows an admin’s corrections: 8 October made a day off, 11 October a working Sunday', () => {
    const corrected = chineseWorkingCalendar({ daysOff: ['2026-10-08'], workingDays: ['2026-10-11'] });
    expect(
      workingHoursBetween('2026-09-30T02:00:00.000Z', '2026-10-12T02:00:00.000Z', SHANGHAI, corrected),
    ).toBeCloseTo(14 + 24 /* 9th */ + 24 /* 10th */ + 24 /* 11th */ + 10, 10);
  });
});
