/**
 * Complaint deadlines counted on China's working calendar, worked out by hand: the National Day and
 * Spring Festival holidays of 2026 and their make-up working days (调休), clock-hour targets over a
 * holiday, time paused while waiting on the guest, two property zones, and an admin's corrections
 * for a year the package does not know yet.
 */
import { describe, expect, it } from 'vitest';
import { deadlineOf, shareUsed, type Target } from '@shared/rules/deadlines';
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
