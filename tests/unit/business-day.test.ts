/**
 * The business day's pure rules: which date a night audit closes at a given instant (and whether
 * that is early), how far the business date lags the calendar, and what a walk-in books — either
 * side of midnight in Shanghai, and across the daylight-saving changes of New York and Santiago
 * (where the change to summer time skips midnight itself).
 */
import { describe, expect, it } from 'vitest';
import {
  auditPlan,
  businessDateAtSetup,
  businessDateLag,
  calendarDate,
  dayEndsAt,
  dayStartsAt,
  lagsBehind,
  walkInStay,
  wallClock,
} from '@shared/rules/business-day';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';
const SANTIAGO = 'America/Santiago';

describe('which date a night audit closes', () => {
  it.each([
    // [zone, open business date, instant (UTC), closes, opens, early]
    // Shanghai (UTC+8, no DST): 1 December ends at 2026-12-01T16:00Z.
    [SHANGHAI, '2026-12-01', '2026-12-01T15:59:59Z', '2026-12-01', '2026-12-02', true], // 23:59:59 on 1 Dec: early
    [SHANGHAI, '2026-12-01', '2026-12-01T16:00:00Z', '2026-12-01', '2026-12-02', false], // 00:00:00 on 2 Dec
    [SHANGHAI, '2026-12-01', '2026-12-01T16:05:00Z', '2026-12-01', '2026-12-02', false], // 00:05 on 2 Dec: the audit closes 1 Dec
    [SHANGHAI, '2026-12-01', '2026-12-01T19:30:00Z', '2026-12-01', '2026-12-02', false], // 03:30
    [SHANGHAI, '2026-12-01', '2026-12-02T07:00:00Z', '2026-12-01', '2026-12-02', false], // 15:00 on 2 Dec, audit not run yet: still 1 Dec
    [SHANGHAI, '2026-11-29', '2026-12-01T16:05:00Z', '2026-11-29', '2026-11-30', false], // audits missed: one date per run
    // New York, 8 March 2026 has 23 hours (EST → EDT at 02:00): it ends at 04:00Z, not 05:00Z.
    [NEW_YORK, '2026-03-08', '2026-03-09T03:59:59Z', '2026-03-08', '2026-03-09', true], // 23:59:59 EDT
    [NEW_YORK, '2026-03-08', '2026-03-09T04:00:00Z', '2026-03-08', '2026-03-09', false], // 00:00 EDT on 9 March
    [NEW_YORK, '2026-03-08', '2026-03-09T04:30:00Z', '2026-03-08', '2026-03-09', false], // 00:30 EDT (would be 23:30 on a fixed EST offset)
    // New York, 1 November 2026 has 25 hours (EDT → EST at 02:00): it ends at 05:00Z.
    [NEW_YORK, '2026-11-01', '2026-11-02T04:30:00Z', '2026-11-01', '2026-11-02', true], // 23:30 EST on 1 Nov (00:30 on a fixed EDT offset)
    [NEW_YORK, '2026-11-01', '2026-11-02T05:00:00Z', '2026-11-01', '2026-11-02', false], // 00:00 EST on 2 Nov
    // Santiago, 6 September 2026: clocks jump from 00:00 to 01:00, so 5 September ends at 01:00 -03 (04:00Z).
    [SANTIAGO, '2026-09-05', '2026-09-06T03:59:59Z', '2026-09-05', '2026-09-06', true], // 23:59:59 -04 on 5 Sept
    [SANTIAGO, '2026-09-05', '2026-09-06T04:00:00Z', '2026-09-05', '2026-09-06', false], // 01:00 -03 on 6 Sept, the day's first instant
    // Santiago, 5 April 2026: at 24:00 -03 clocks go back to 23:00 -04, so 4 April has 25 hours and 23:xx twice.
    [SANTIAGO, '2026-04-04', '2026-04-05T02:59:59Z', '2026-04-04', '2026-04-05', true], // 23:59:59 -03, the first time
    [SANTIAGO, '2026-04-04', '2026-04-05T03:30:00Z', '2026-04-04', '2026-04-05', true], // 23:30 -04, the repeated hour: not over yet
    [SANTIAGO, '2026-04-04', '2026-04-05T04:00:00Z', '2026-04-04', '2026-04-05', false], // 00:00 -04 on 5 April
  ])('%s, business date %s, at %s: closes %s, opens %s, early %s', (zone, open, at, closes, opens, early) => {
    expect(auditPlan(open, at, zone)).toMatchObject({ closes, opens, early, notStarted: false });
  });

  it('never closes a date whose day has not begun (after an early close, before midnight)', () => {
    // Closed 1 December early at 23:30; 2 December has not begun at 23:45.
    expect(auditPlan('2026-12-02', '2026-12-01T15:45:00Z', SHANGHAI)).toMatchObject({
      closes: '2026-12-02',
      early: true,
      notStarted: true,
    });
    expect(auditPlan('2026-12-02', '2026-12-01T16:00:00Z', SHANGHAI)).toMatchObject({ early: true, notStarted: false });
  });

  it('knows when a day begins and ends in the property’s zone, whatever its length', () => {
    expect(dayStartsAt('2026-12-02', SHANGHAI)).toBe('2026-12-01T16:00:00.000Z');
    expect(dayEndsAt('2026-12-01', SHANGHAI)).toBe('2026-12-01T16:00:00.000Z');
    expect(dayEndsAt('2026-03-08', NEW_YORK)).toBe('2026-03-09T04:00:00.000Z');
    expect(dayEndsAt('2026-03-07', NEW_YORK)).toBe('2026-03-08T05:00:00.000Z');
    expect(dayEndsAt('2026-11-01', NEW_YORK)).toBe('2026-11-02T05:00:00.000Z');
    expect(dayStartsAt('2026-09-06', SANTIAGO)).toBe('2026-09-06T04:00:00.000Z');
    expect(dayEndsAt('2026-04-04', SANTIAGO)).toBe('2026-04-05T04:00:00.000Z');
    expect(wallClock('2026-12-01T16:00:00.000Z', SHANGHAI)).toBe('2026-12-02 00:00');
    expect(wallClock('2026-09-06T04:00:00.000Z', SANTIAGO)).toBe('2026-09-06 01:00');
  });
});

describe('how far the business date lags the calendar', () => {
  it.each([
    [SHANGHAI, '2026-12-01', '2026-12-01T15:59:59Z', '2026-12-01', 0, false],
    [SHANGHAI, '2026-12-01', '2026-12-01T16:00:00Z', '2026-12-02', 1, false], // between midnight and the audit: no warning
    [SHANGHAI, '2026-12-01', '2026-12-02T15:59:59Z', '2026-12-02', 1, false],
    [SHANGHAI, '2026-12-01', '2026-12-02T16:00:00Z', '2026-12-03', 2, true], // a whole day missed
    [SHANGHAI, '2026-11-28', '2026-12-02T01:00:00Z', '2026-12-02', 4, true],
    [SHANGHAI, '2026-12-02', '2026-12-01T15:45:00Z', '2026-12-01', -1, false], // after an early close, before midnight
    [NEW_YORK, '2026-03-08', '2026-03-09T03:59:59Z', '2026-03-08', 0, false],
    [NEW_YORK, '2026-03-08', '2026-03-09T04:00:00Z', '2026-03-09', 1, false],
    [NEW_YORK, '2026-11-01', '2026-11-02T04:59:59Z', '2026-11-01', 0, false],
    [NEW_YORK, '2026-11-01', '2026-11-03T05:00:00Z', '2026-11-03', 2, true],
    [SANTIAGO, '2026-09-05', '2026-09-06T03:59:59Z', '2026-09-05', 0, false],
    [SANTIAGO, '2026-09-05', '2026-09-06T04:00:00Z', '2026-09-06', 1, false],
  ])('%s, business date %s, at %s: calendar %s, %i days behind, warning %s', (zone, open, at, calendar, lag, warn) => {
    expect(calendarDate(at, zone)).toBe(calendar);
    expect(businessDateLag(open, at, zone)).toBe(lag);
    expect(lagsBehind(open, at, zone)).toBe(warn);
  });
});

describe('what a walk-in books', () => {
  it.each([
    // [zone, open business date, instant (UTC), the calendar then, nights, arrival, departure]
    [SHANGHAI, '2026-12-01', '2026-12-01T15:59:00Z', '2026-12-01', 1, '2026-12-01', '2026-12-02'], // 23:59 on 1 Dec
    [SHANGHAI, '2026-12-01', '2026-12-01T17:30:00Z', '2026-12-02', 1, '2026-12-01', '2026-12-02'], // 01:30 on 2 Dec before the audit: the night that began on 1 Dec
    [SHANGHAI, '2026-12-02', '2026-12-01T17:30:00Z', '2026-12-02', 1, '2026-12-02', '2026-12-03'], // 01:30 on 2 Dec after the audit
    [SHANGHAI, '2026-12-01', '2026-12-01T17:30:00Z', '2026-12-02', 2, '2026-12-01', '2026-12-03'],
    [NEW_YORK, '2026-03-08', '2026-03-09T05:30:00Z', '2026-03-09', 1, '2026-03-08', '2026-03-09'], // 01:30 EDT on 9 March, before the audit
    [SANTIAGO, '2026-09-05', '2026-09-06T04:30:00Z', '2026-09-06', 1, '2026-09-05', '2026-09-06'], // 01:30 -03 on 6 Sept (there was no 00:30)
  ])(
    '%s, business date %s, at %s (calendar %s), %i night(s): %s → %s',
    (zone, open, at, calendar, nights, arrival, departure) => {
      // The clock tells the calendar; the walk-in is sold in the open business date whatever it says.
      expect(calendarDate(at, zone)).toBe(calendar);
      expect(walkInStay(open, nights)).toEqual({ arrival, departure });
    },
  );
});

describe('the business date at setup', () => {
  it.each([
    [SHANGHAI, '2026-12-01T15:59:59Z', '2026-12-01'],
    [SHANGHAI, '2026-12-01T16:00:00Z', '2026-12-02'],
    [NEW_YORK, '2026-03-09T03:59:59Z', '2026-03-08'],
    [NEW_YORK, '2026-03-09T04:00:00Z', '2026-03-09'],
  ])('%s at %s: %s', (zone, at, date) => {
    expect(businessDateAtSetup(at, zone)).toBe(date);
  });
});
