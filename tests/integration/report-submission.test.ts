/**
 * Report sign-off on a real desk (the test hotel in Shanghai, set up on 26 November 2026 at 10:00):
 * a supervisor submits a finished report, which freezes its figures; the same report is never
 * submitted twice; a period still open cannot be; an agent may not; and the report calendar shows
 * each report due, late or submitted against its 24, 48 and 72 hour deadlines as the clock moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportDue } from '@shared/contract/report-operations';
import { ADMIN, addStaff, closeBusinessDayEarly, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await signIn(desk, ADMIN.username, ADMIN.password);
  await addStaff(desk, 'wang', 'director');
  await signIn(desk, 'lina');
});
afterEach(() => desk.close());

/** The clock moves to `instant`, past the idle lock: `username` signs in again. */
async function at(instant: string, username: string) {
  desk.clock.setTo(instant);
  await signIn(desk, username);
}

/** A walk-in for one night from the open business date, checked in by whoever is signed in. */
async function walkIn(room: '301' | '302' | '501') {
  const { businessDate } = await desk.call('businessDay.status');
  const booking = await desk.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'walk_in',
    arrival: businessDate,
    departure: businessDate === '2026-11-26' ? '2026-11-27' : '2026-11-28',
    roomTypeId: room === '501' ? hotel.suite : hotel.standard,
    adults: 1,
  });
  await desk.call('frontDesk.checkIn', { bookingId: booking.id, roomId: hotel.rooms[room]! });
  return booking;
}

const submissions = () => desk.services.db.selectFrom('report_submission').selectAll().execute();

describe('submitting a report', () => {
  it('freezes the daily report of a date the night audit closed, as the desk computed it then', async () => {
    await walkIn('501');
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    const live = await desk.call('reports.daily', { date: '2026-11-26' });
    const outboxBefore = (await desk.counts()).outbox;

    const submitted = await desk.call('reports.submit', { kind: 'daily', period: '2026-11-26' });

    const chen = (await desk.call('auth.session'))!.user;
    expect(submitted).toMatchObject({
      kind: 'daily',
      period: '2026-11-26',
      submittedBy: { id: chen.id, name: 'chen' },
      submittedAt: '2026-11-26T02:00:00.000Z',
    });
    expect(submitted.document).toEqual(live);
    const [row, ...more] = await submissions();
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      kind: 'daily',
      period: '2026-11-26',
      submitted_by: chen.id,
      device: desk.services.device.id,
    });
    // It travels to the other desks like any write.
    const queued = await desk.services.db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(queued.name).toBe('reports.submit');
    expect((await desk.counts()).outbox).toBe(outboxBefore + 1);

    // The next day's business goes on; the submitted report stays as it was signed.
    await at('2026-11-26T05:00:00Z', 'lina');
    await walkIn('301');
    await desk.call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'out_of_order' });
    await signIn(desk, 'wang');
    expect(await desk.call('reports.submitted', { kind: 'daily', period: '2026-11-26' })).toEqual(submitted);
    expect(await desk.call('reports.submitted', { kind: 'daily', period: '2026-11-27' })).toBeNull();
  });

  it('keeps the figures of a report submitted after midnight, before the audit, when a late walk-in follows', async () => {
    await walkIn('501');
    // 00:30 on 27 November: the calendar day of the 26th is over, the audit has not run.
    await at('2026-11-26T16:30:00Z', 'chen');
    expect((await desk.call('businessDay.status')).businessDate).toBe('2026-11-26');
    const submitted = await desk.call('reports.submit', { kind: 'daily', period: '2026-11-26' });

    // At 01:30 a walk-in takes the rest of the night of the 26th: the live report counts them.
    await at('2026-11-26T17:30:00Z', 'lina');
    await walkIn('301');
    await signIn(desk, 'chen');
    const live = await desk.call('reports.daily', { date: '2026-11-26' });
    expect(live.sections).not.toEqual(submitted.document.sections);
    const frozen = await desk.call('reports.submitted', { kind: 'daily', period: '2026-11-26' });
    expect(frozen!.document).toEqual(submitted.document);
    expect(frozen!.document.generatedAt).toBe('2026-11-26T16:30:00.000Z');
  });

  it('refuses a second submission of the same report, naming who submitted it and when', async () => {
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    await desk.call('reports.submit', { kind: 'daily', period: '2026-11-26' });
    await at('2026-11-26T03:00:00Z', 'wang');
    const before = { rows: await submissions(), outbox: (await desk.counts()).outbox };

    expect(await desk.fail('reports.submit', { kind: 'daily', period: '2026-11-26' })).toEqual({
      code: 'REPORT_ALREADY_SUBMITTED',
      params: { period: '2026-11-26', by: 'chen', at: '2026-11-26 10:00' },
    });
    expect({ rows: await submissions(), outbox: (await desk.counts()).outbox }).toEqual(before);
  });

  it('refuses a period that is not finished: the open business date, and tomorrow', async () => {
    await signIn(desk, 'chen');
    expect(await desk.fail('reports.submit', { kind: 'daily', period: '2026-11-26' })).toEqual({
      code: 'REPORT_PERIOD_OPEN',
      params: { period: '2026-11-26', endsAt: '2026-11-27 00:00' },
    });
    await closeBusinessDayEarly(desk);
    // The 26th is closed; the 27th, now open, is not.
    expect(await desk.fail('reports.submit', { kind: 'daily', period: '2026-11-27' })).toMatchObject({
      code: 'REPORT_PERIOD_OPEN',
      params: { endsAt: '2026-11-28 00:00' },
    });
    // The month's reports wait for the month to end.
    expect(await desk.fail('reports.submit', { kind: 'operations', period: '2026-11' })).toEqual({
      code: 'REPORT_PERIOD_OPEN',
      params: { period: '2026-11', endsAt: '2026-12-01 00:00' },
    });
    expect(await submissions()).toEqual([]);
  });

  it('lets neither an agent nor an admin submit; an admin reads the calendar, an agent not even that', async () => {
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    await signIn(desk, 'lina');
    expect(await desk.fail('reports.submit', { kind: 'daily', period: '2026-11-26' })).toMatchObject({
      code: 'PERMISSION_DENIED',
      params: { permission: 'reports.submit' },
    });
    expect(await desk.fail('reports.calendar', { month: '2026-11' })).toMatchObject({ code: 'PERMISSION_DENIED' });
    await signIn(desk, ADMIN.username, ADMIN.password);
    expect(await desk.fail('reports.submit', { kind: 'daily', period: '2026-11-26' })).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect((await desk.call('reports.calendar', { month: '2026-11' })).reports.length).toBeGreaterThan(0);
    expect(await submissions()).toEqual([]);
  });

  it('refuses a period that is not one of its kind', async () => {
    await signIn(desk, 'chen');
    expect(await desk.fail('reports.submit', { kind: 'daily', period: '2026-11' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['period'],
    });
    expect(await desk.fail('reports.submit', { kind: 'operations', period: '2026-11-26' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['period'],
    });
    expect(await desk.fail('reports.submit', { kind: 'weekly', period: '2026-11-26' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['period'],
    });
    expect(await desk.fail('reports.submit', { kind: 'weekly', period: '2026-W54' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['period'],
    });
  });
});

describe('the report calendar', () => {
  const calendar = async (month = '2026-11') => (await desk.call('reports.calendar', { month })).reports;
  const find = (reports: ReportDue[], kind: string, period: string) =>
    reports.find((r) => r.kind === kind && r.period === period)!;
  const states = (reports: ReportDue[], kind: string) =>
    Object.fromEntries(reports.filter((r) => r.kind === kind).map((r) => [r.period, r.state]));

  it('lists the dailies from the day the property began, each due 24 hours after its day ends', async () => {
    await signIn(desk, 'chen');
    const reports = await calendar();
    expect(states(reports, 'daily')).toEqual({
      '2026-11-26': 'open',
      '2026-11-27': 'open',
      '2026-11-28': 'open',
      '2026-11-29': 'open',
      '2026-11-30': 'open',
    });
    expect(find(reports, 'daily', '2026-11-26')).toMatchObject({
      first: '2026-11-26',
      last: '2026-11-26',
      deadline: '2026-11-27T16:00:00.000Z', // 24:00 on the 27th in Shanghai
      submission: null,
    });
    expect(await calendar('2026-10')).toEqual([]);
  });

  it('moves a daily from due to late at 24 hours, and marks one submitted on time or late, by whom and when', async () => {
    // 23:59 on the 27th: the 26th is due (its deadline a minute away), the 27th still open.
    await at('2026-11-27T15:59:00Z', 'chen');
    expect(states(await calendar(), 'daily')).toMatchObject({ '2026-11-26': 'due', '2026-11-27': 'open' });

    // 00:01 on the 28th: the 26th is late, the 27th due; the 26th is submitted late.
    await at('2026-11-27T16:01:00Z', 'chen');
    expect(states(await calendar(), 'daily')).toMatchObject({ '2026-11-26': 'late', '2026-11-27': 'due' });
    await desk.call('reports.submit', { kind: 'daily', period: '2026-11-26' });
    await at('2026-11-27T17:00:00Z', 'wang');
    await desk.call('reports.submit', { kind: 'daily', period: '2026-11-27' });

    const reports = await calendar();
    expect(states(reports, 'daily')).toMatchObject({
      '2026-11-26': 'submitted_late',
      '2026-11-27': 'submitted',
      '2026-11-28': 'open',
    });
    expect(find(reports, 'daily', '2026-11-26').submission).toMatchObject({
      by: { name: 'chen' },
      at: '2026-11-27T16:01:00.000Z',
    });
    expect(find(reports, 'daily', '2026-11-27').submission).toMatchObject({
      by: { name: 'wang' },
      at: '2026-11-27T17:00:00.000Z',
    });
  });

  it('counts a daily closed early by the night audit as due from then', async () => {
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    expect(states(await calendar(), 'daily')).toMatchObject({ '2026-11-26': 'due', '2026-11-27': 'open' });
  });

  it('lists the three monthly reports, due 72 hours after the month ends, then late; each submitted freezes its own', async () => {
    await signIn(desk, 'chen');
    expect(states(await calendar(), 'operations')).toEqual({ '2026-11': 'open' });
    // 00:00 on 1 December: November is over; its reports are due by 24:00 on the 3rd.
    await at('2026-11-30T16:00:00Z', 'chen');
    const operations = await desk.call('reports.submit', { kind: 'operations', period: '2026-11' });
    expect(operations.document).toMatchObject({ kind: 'operations', period: '2026-11' });
    await at('2026-12-03T15:59:00Z', 'chen');
    let reports = await calendar();
    expect(find(reports, 'risk', '2026-11')).toMatchObject({
      first: '2026-11-01',
      last: '2026-11-30',
      deadline: '2026-12-03T16:00:00.000Z',
      state: 'due',
    });
    await at('2026-12-03T16:01:00Z', 'wang');
    await desk.call('reports.submit', { kind: 'risk', period: '2026-11' });
    reports = await calendar();
    expect([states(reports, 'operations'), states(reports, 'risk'), states(reports, 'satisfaction')]).toEqual([
      { '2026-11': 'submitted' },
      { '2026-11': 'submitted_late' },
      { '2026-11': 'late' },
    ]);
    expect(find(reports, 'risk', '2026-11').submission).toMatchObject({ by: { name: 'wang' } });
    const frozen = await desk.call('reports.submitted', { kind: 'risk', period: '2026-11' });
    expect(frozen!.document).toMatchObject({ kind: 'risk', period: '2026-11', generatedBy: 'wang' });
  });

  it('lists the ISO week ending in the month, due 48 hours after its Sunday ends; submitted, it freezes the weekly report', async () => {
    await signIn(desk, 'chen');
    // 2026-W48 runs Monday 23 to Sunday 29 November; the property began on the 26th.
    expect(find(await calendar(), 'weekly', '2026-W48')).toMatchObject({
      first: '2026-11-23',
      last: '2026-11-29',
      deadline: '2026-12-01T16:00:00.000Z', // 24:00 on Tuesday 1 December in Shanghai
      state: 'open',
    });
    expect(await desk.fail('reports.submit', { kind: 'weekly', period: '2026-W48' })).toEqual({
      code: 'REPORT_PERIOD_OPEN',
      params: { period: '2026-W48', endsAt: '2026-11-30 00:00' },
    });
    // 00:00 on Monday the 30th: the week is over (its Sunday's calendar day), the report due.
    await at('2026-11-29T16:00:00Z', 'chen');
    expect(find(await calendar(), 'weekly', '2026-W48').state).toBe('due');
    await at('2026-12-01T16:01:00Z', 'chen');
    expect(find(await calendar(), 'weekly', '2026-W48').state).toBe('late');
    const submitted = await desk.call('reports.submit', { kind: 'weekly', period: '2026-W48' });
    expect(submitted.document).toMatchObject({ kind: 'weekly', period: '2026-W48', generatedBy: 'chen' });
    expect(find(await calendar(), 'weekly', '2026-W48')).toMatchObject({
      state: 'submitted_late',
      submission: { by: { name: 'chen' }, at: '2026-12-01T16:01:00.000Z' },
    });
    const frozen = await desk.call('reports.submitted', { kind: 'weekly', period: '2026-W48' });
    expect(frozen!.document).toEqual(submitted.document);
    // December lists the weeks ending on its Sundays (6th … 27th); W53 ends on 3 January, in January's.
    expect((await calendar('2026-12')).filter((r) => r.kind === 'weekly').map((r) => r.period)).toEqual([
      '2026-W49',
      '2026-W50',
      '2026-W51',
      '2026-W52',
    ]);
  });

  it('moves the month into December: late dailies, the one due, the ones not yet over', async () => {
    // 00:01 on 4 December.
    await at('2026-12-03T16:01:00Z', 'chen');
    const december = states(await calendar('2026-12'), 'daily');
    expect(december).toMatchObject({
      '2026-12-01': 'late',
      '2026-12-02': 'late', // due at 24:00 on the 3rd, a minute ago
      '2026-12-03': 'due',
      '2026-12-04': 'open',
    });
    expect(Object.keys(december)).toHaveLength(31);
  });
});
