/**
 * The night audit on a real desk: the business date is state set at setup, an audit after midnight
 * closes yesterday and touches nothing of today, a walk-in at 01:30 sells the night that began the
 * evening before, audits follow one another a date at a time, an early close needs a supervisor,
 * and a desk that missed audits says so until they catch up.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarDate, walkInStay } from '@shared/rules/business-day';
import * as businessDateMigration from '../../src-main/db/migrations/2026-11-30-10-business-date';
import { openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

/** The test clock starts at 10:00 on 26 November in Shanghai; these tests set the hotel up on 1 December at 10:00. */
const SET_UP_DAYS_LATER = 5;
const DAY = 24 * 60;

const PASSWORDS: Record<string, string> = { admin: 'admin-pass-1' };

/** Moves the desk's clock to a local time in Shanghai (UTC+8) on the given December day; `who` signs in there (the idle lock has struck meanwhile). */
async function at(day: number, hour: number, minute: number, who: 'lina' | 'chen' | 'admin'): Promise<void> {
  const target = Date.UTC(2026, 11, day, hour - 8, minute);
  desk.clock.advanceMinutes((target - desk.clock.now().getTime()) / 60_000);
  await signIn(desk, who, PASSWORDS[who]);
}

beforeEach(async () => {
  desk = await openDesk();
  desk.clock.advanceMinutes(SET_UP_DAYS_LATER * DAY);
  hotel = await openHotel(desk);
});
afterEach(() => desk.close());

function stay(arrival: string, departure: string, roomTypeId = hotel.standard) {
  return { guestId: hotel.guest, channel: 'phone' as const, arrival, departure, roomTypeId, adults: 1 };
}

async function auditEntries() {
  const rows = await desk.services.db
    .selectFrom('audit_log')
    .select(['operation', 'actor_name', 'outcome', 'entity_id', 'detail_json'])
    .where('operation', '=', 'nightAudit.roll')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    ...row,
    detail: JSON.parse(row.detail_json ?? '{}') as Record<string, Record<string, unknown>>,
  }));
}

async function nightsHeld(bookingId: string): Promise<string[]> {
  return (
    await desk.services.db
      .selectFrom('booking_night')
      .select('night')
      .where('booking_id', '=', bookingId)
      .orderBy('night')
      .execute()
  ).map((n) => n.night);
}

describe('the business date', () => {
  it('is state from setup: the property’s date then, the same before and after midnight until an audit moves it', async () => {
    expect(await desk.call('businessDay.status')).toEqual({
      businessDate: '2026-12-01',
      calendarDate: '2026-12-01',
      lagDays: 0,
      lagging: false,
      audit: { closes: '2026-12-01', endsAt: '2026-12-01T16:00:00.000Z', early: true, notStarted: false },
    });
    const row = await desk.services.db
      .selectFrom('setting')
      .select('value_json')
      .where('key', '=', 'businessDate')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.value_json)).toBe('2026-12-01');
    await at(2, 0, 5, 'lina');
    expect(await desk.call('businessDay.status')).toMatchObject({
      businessDate: '2026-12-01',
      calendarDate: '2026-12-02',
      lagDays: 1,
      lagging: false,
      audit: { closes: '2026-12-01', early: false },
    });
    expect((await desk.call('bookings.day')).businessDate).toBe('2026-12-01');
  });
});

describe('the night audit after midnight', () => {
  it('at 00:05 on 2 December closes 1 December, makes no-shows only of 1 December’s arrivals, and the next night closes 2 December', async () => {
    const dueToday = await desk.call('bookings.create', stay('2026-12-01', '2026-12-02'));
    const dueTomorrow = await desk.call('bookings.create', stay('2026-12-02', '2026-12-04'));
    const inHouse = await desk.call('bookings.create', stay('2026-12-01', '2026-12-03', hotel.suite));
    await desk.call('frontDesk.checkIn', { bookingId: inHouse.id, roomId: hotel.rooms['501']! });

    await at(2, 0, 5, 'chen');
    expect(await desk.call('nightAudit.roll', { closingDate: '2026-12-01' })).toEqual({
      closedDate: '2026-12-01',
      businessDate: '2026-12-02',
      noShows: [dueToday.number],
      earlyClose: false,
    });

    expect((await desk.call('bookings.get', { id: dueToday.id })).status).toBe('no_show');
    expect(await nightsHeld(dueToday.id)).toEqual([]);
    // Every 2 December arrival is untouched: confirmed, its nights held, no cancellation record.
    const tomorrow = await desk.call('bookings.get', { id: dueTomorrow.id });
    expect(tomorrow).toMatchObject({ status: 'confirmed', totalFen: dueTomorrow.totalFen });
    expect(tomorrow.changes.map((c) => c.kind)).toEqual(['created']);
    expect(await nightsHeld(dueTomorrow.id)).toEqual(['2026-12-02', '2026-12-03']);
    expect((await desk.call('bookings.get', { id: inHouse.id })).status).toBe('checked_in');
    const cancellations = await desk.services.db.selectFrom('cancellation').select(['booking_id', 'reason']).execute();
    expect(cancellations).toEqual([{ booking_id: dueToday.id, reason: 'no_show' }]);

    const day = await desk.call('bookings.day');
    expect(day.businessDate).toBe('2026-12-02');
    expect(day.arrivals.map((b) => b.number)).toEqual([dueTomorrow.number]);
    expect(await desk.call('businessDay.status')).toMatchObject({
      businessDate: '2026-12-02',
      calendarDate: '2026-12-02',
      lagDays: 0,
      audit: { closes: '2026-12-02', early: true },
    });

    // The audit trail names the closed date and its no-shows; the outbox carries the date it closed.
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ actor_name: 'chen', outcome: 'ok', entity_id: '2026-12-01' });
    expect(entry!.detail.after).toEqual({ businessDate: '2026-12-02', noShows: [dueToday.number] });
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .select('input_json')
      .where('name', '=', 'nightAudit.roll')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(outbox.input_json)).toEqual({ closingDate: '2026-12-01', earlyClose: false });

    // The screen that still shows 1 December is refused, never the open date closed in its place.
    expect(await desk.fail('nightAudit.roll', { closingDate: '2026-12-01' })).toEqual({
      code: 'NIGHT_AUDIT_DATE_CLOSED',
      params: { date: '2026-12-01', open: '2026-12-02' },
    });

    // The next night: 2 December closes, and its guest who never came is a no-show now.
    await at(3, 0, 5, 'chen');
    expect(await desk.call('nightAudit.roll', { closingDate: '2026-12-02' })).toEqual({
      closedDate: '2026-12-02',
      businessDate: '2026-12-03',
      noShows: [dueTomorrow.number],
      earlyClose: false,
    });
    expect((await auditEntries()).map((e) => e.entity_id)).toEqual(['2026-12-01', '2026-12-02']);
  });

  it('between midnight and the audit sells a walk-in at 01:30 the night that began on 1 December, and the day’s lists count it there', async () => {
    await at(2, 1, 30, 'lina');
    const { businessDate } = await desk.call('businessDay.status');
    expect(businessDate).toBe('2026-12-01');
    const walkIn = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      roomTypeId: hotel.standard,
      adults: 1,
      ...walkInStay(businessDate),
    });
    expect(walkIn).toMatchObject({ arrival: '2026-12-01', departure: '2026-12-02' });
    expect(walkIn.number).toBe(`B261201-${desk.services.device.code}-001`);
    expect(walkIn.nights.map((n) => n.night)).toEqual(['2026-12-01']);
    expect((await desk.call('bookings.day')).arrivals.map((b) => b.number)).toEqual([walkIn.number]);
    await desk.call('frontDesk.checkIn', { bookingId: walkIn.id, roomId: hotel.rooms['301']! });
    expect(
      (await desk.call('availability.grid', { from: '2026-12-01', nights: 2 }))
        .find((row) => row.roomTypeId === hotel.standard)!
        .cells.map((c) => c.sold),
    ).toEqual([1, 0]);

    await at(2, 3, 0, 'chen');
    expect(await desk.call('nightAudit.roll', { closingDate: '2026-12-01' })).toMatchObject({
      closedDate: '2026-12-01',
      noShows: [],
    });
    expect((await desk.call('bookings.day')).departures.map((b) => b.number)).toEqual([walkIn.number]);
  });
});

describe('audits in a row', () => {
  it('close one date each: a second run straight after is an early close of the new date, refused unless asked for', async () => {
    await at(2, 0, 5, 'chen');
    await desk.call('nightAudit.roll', { closingDate: '2026-12-01' });
    expect(await desk.fail('nightAudit.roll', { closingDate: '2026-12-02' })).toEqual({
      code: 'NIGHT_AUDIT_EARLY',
      params: { date: '2026-12-02', endsAt: '2026-12-03 00:00' },
    });
    // Closing the next date again needs its own run: nothing skips ahead.
    expect(await desk.fail('nightAudit.roll', { closingDate: '2026-12-03' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['closingDate'],
    });
    expect((await desk.call('businessDay.status')).businessDate).toBe('2026-12-02');
    expect((await auditEntries()).filter((e) => e.outcome === 'ok')).toHaveLength(1);
  });

  it('catch up a desk that missed audits, one date per run, with the warning until the business date is the calendar’s again', async () => {
    await desk.call('bookings.create', stay('2026-12-02', '2026-12-03'));
    await at(4, 10, 0, 'chen');
    expect(await desk.call('businessDay.status')).toMatchObject({
      businessDate: '2026-12-01',
      calendarDate: '2026-12-04',
      lagDays: 3,
      lagging: true,
    });
    const closed: string[] = [];
    for (const date of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      const result = await desk.call('nightAudit.roll', { closingDate: date });
      expect(result.earlyClose).toBe(false);
      closed.push(`${result.closedDate}:${result.noShows.length}`);
    }
    expect(closed).toEqual(['2026-12-01:0', '2026-12-02:1', '2026-12-03:0']);
    expect(await desk.call('businessDay.status')).toMatchObject({
      businessDate: '2026-12-04',
      lagDays: 0,
      lagging: false,
      audit: { early: true },
    });
  });
});

describe('an early close', () => {
  it('is refused before the date’s day has ended unless asked for, and a supervisor’s is recorded as early', async () => {
    const dueToday = await desk.call('bookings.create', stay('2026-12-01', '2026-12-02'));
    await at(1, 23, 30, 'chen');
    expect(await desk.fail('nightAudit.roll', { closingDate: '2026-12-01' })).toEqual({
      code: 'NIGHT_AUDIT_EARLY',
      params: { date: '2026-12-01', endsAt: '2026-12-02 00:00' },
    });
    expect((await desk.call('bookings.get', { id: dueToday.id })).status).toBe('confirmed');

    expect(await desk.call('nightAudit.roll', { closingDate: '2026-12-01', earlyClose: true })).toEqual({
      closedDate: '2026-12-01',
      businessDate: '2026-12-02',
      noShows: [dueToday.number],
      earlyClose: true,
    });
    const [entry] = (await auditEntries()).filter((e) => e.outcome === 'ok');
    expect(entry).toMatchObject({ actor_name: 'chen', entity_id: '2026-12-01' });
    expect(entry!.detail.after).toMatchObject({
      businessDate: '2026-12-02',
      earlyClose: true,
      dayEndsAt: '2026-12-01T16:00:00.000Z',
    });
    // 2 December has not begun: after an early close the business date is ahead of the calendar, and no audit closes it yet.
    expect(await desk.call('businessDay.status')).toMatchObject({
      businessDate: '2026-12-02',
      calendarDate: '2026-12-01',
      lagDays: -1,
      audit: { notStarted: true },
    });
    expect(await desk.fail('nightAudit.roll', { closingDate: '2026-12-02', earlyClose: true })).toEqual({
      code: 'NIGHT_AUDIT_NOT_STARTED',
      params: { date: '2026-12-02' },
    });
  });

  it('by someone who is not a supervisor waits for one: approved at the desk, it runs with both names in the audit trail', async () => {
    await at(1, 22, 0, 'admin');
    const input = { closingDate: '2026-12-01', earlyClose: true };
    expect(await desk.fail('nightAudit.roll', input)).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 0 },
    });
    // An audit on time needs no approval, an early one not asked for is simply refused.
    expect(await desk.fail('nightAudit.roll', { closingDate: '2026-12-01' })).toMatchObject({
      code: 'NIGHT_AUDIT_EARLY',
    });
    expect(
      await desk.fail('approvals.request', {
        operation: 'nightAudit.roll',
        input: { closingDate: '2026-12-01' },
        reason: '系统维护',
      }),
    ).toMatchObject({ code: 'APPROVAL_NOT_NEEDED' });

    const request = await desk.call('approvals.request', {
      operation: 'nightAudit.roll',
      input,
      reason: '今晚系统维护，提前夜审',
    });
    expect(request).toMatchObject({
      status: 'pending',
      subject: { type: 'business_date', id: '2026-12-01', label: '2026-12-01' },
    });
    const approved = await desk.call('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'chen',
      password: 'chen-pass-1',
    });
    expect(approved).toMatchObject({
      status: 'executed',
      result: { closedDate: '2026-12-01', businessDate: '2026-12-02', earlyClose: true },
    });
    const [entry] = (await auditEntries()).filter((e) => e.outcome === 'ok');
    expect(entry).toMatchObject({ actor_name: 'admin' });
    expect(entry!.detail.after).toMatchObject({ earlyClose: true });
    expect(entry!.detail.approval).toMatchObject({
      deciders: [expect.objectContaining({ name: 'chen', role: 'supervisor' })],
    });
  });

  it('on time needs nobody’s approval, whoever holds the night audit permission', async () => {
    await at(2, 0, 1, 'admin');
    expect(await desk.call('nightAudit.roll', { closingDate: '2026-12-01', earlyClose: true })).toMatchObject({
      closedDate: '2026-12-01',
      earlyClose: false,
    });
  });
});

describe('desk migration 10 (a desk set up before the business date was state)', () => {
  const realToday = () => calendarDate(new Date(), 'Asia/Shanghai');
  const touched = async () =>
    Number((await sql<{ n: number }>`SELECT count(*) AS n FROM sync_touched`.execute(desk.services.db)).rows[0]!.n);
  const setting = async () =>
    (
      await desk.services.db
        .selectFrom('setting')
        .select('value_json')
        .where('key', '=', 'businessDate')
        .executeTakeFirst()
    )?.value_json;

  it('fills the business date from the old logic — the property’s date now, when no audit had run — without queueing it for sync', async () => {
    await desk.services.db.deleteFrom('setting').where('key', '=', 'businessDate').execute();
    await desk.services.db.deleteFrom('approval_rule').where('operation', '=', 'nightAudit.roll').execute();
    const before = await touched();
    await businessDateMigration.up(desk.services.db);
    expect(await setting()).toBe(JSON.stringify(realToday()));
    expect(
      await desk.services.db
        .selectFrom('approval_rule')
        .selectAll()
        .where('operation', '=', 'nightAudit.roll')
        .executeTakeFirst(),
    ).toEqual({
      operation: 'nightAudit.roll',
      needs_approval: 1,
      min_approver_role: 'supervisor',
      approval_min_fen: null,
      dual_review: 0,
      dual_review_min_fen: null,
    });
    expect(await touched()).toBe(before);
  });

  it('keeps the date an earlier audit set', async () => {
    await desk.services.db
      .updateTable('setting')
      .set({ value_json: '"2026-11-27"' })
      .where('key', '=', 'businessDate')
      .execute();
    await businessDateMigration.up(desk.services.db);
    expect(await setting()).toBe('"2026-11-27"');
  });

  it('leaves a desk not yet set up to first-run setup', async () => {
    const fresh = await openDesk();
    try {
      await fresh.services.db.deleteFrom('approval_rule').execute();
      await businessDateMigration.up(fresh.services.db);
      expect(
        await fresh.services.db.selectFrom('setting').selectAll().where('key', '=', 'businessDate').execute(),
      ).toEqual([]);
      expect(
        (await fresh.services.db.selectFrom('approval_rule').select('operation').execute()).map((r) => r.operation),
      ).toEqual(['nightAudit.roll']);
    } finally {
      await fresh.close();
    }
  });
});
