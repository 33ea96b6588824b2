/** Satisfaction call-backs on a real desk: scheduled by a first stay's check-out, called by a service rep until the guest is reached. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromJson } from '@shared/json';
import { addStaff, signIn, type Desk, openDesk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;
let zhou: string;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await signIn(desk, 'admin', 'admin-pass-1');
  zhou = (await addStaff(desk, 'zhou', 'service_rep')).id;
  await signIn(desk, 'lina');
});
afterEach(() => desk.close());

const HOUR = 3_600_000;

/** Time passes at the desk; past the idle lock, so `username` signs in again. */
async function later(minutes: number, username: string) {
  desk.clock.advanceMinutes(minutes);
  await signIn(desk, username);
}
const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR).toISOString();

/** One night in the room, checked in, paid and checked out today by whoever is signed in. */
async function stayOneNight(guestId: string, room: '301' | '302' | '501') {
  const booking = await desk.call('bookings.create', {
    guestId,
    channel: 'phone',
    arrival: '2026-11-26',
    departure: '2026-11-27',
    roomTypeId: room === '501' ? hotel.suite : hotel.standard,
    adults: 1,
  });
  await desk.call('frontDesk.checkIn', { bookingId: booking.id, roomId: hotel.rooms[room]! });
  const { balanceFen } = await desk.call('bookings.get', { id: booking.id });
  await desk.call('payments.record', { bookingId: booking.id, kind: 'payment', method: 'cash', amountFen: balanceFen });
  await desk.call('frontDesk.checkOut', { bookingId: booking.id });
  return booking;
}

const callbackRows = () => desk.services.db.selectFrom('callback').selectAll().orderBy('created_at').execute();

/** The rows a refused call must leave alone: the call-backs and the outbox (a refusal is audited, so not the audit log). */
const unchangeable = async () => ({ callbacks: await callbackRows(), outbox: (await desk.counts()).outbox });

describe('scheduling', () => {
  it('gives a guest’s first stay a call-back due 24 clock hours after check-out, sent with the check-out', async () => {
    const checkedOutAt = desk.clock.now();
    const booking = await stayOneNight(hotel.guest, '301');
    const [row, ...more] = await callbackRows();
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      kind: 'first_stay',
      guest_id: hotel.guest,
      booking_id: booking.id,
      complaint_id: null,
      status: 'open',
      attempts: 0,
      created_at: checkedOutAt.toISOString(),
      due_at: hoursAfter(checkedOutAt, 24),
      words: '',
      score: null,
      done_by: null,
    });
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .select('effects_json')
      .where('name', '=', 'frontDesk.checkOut')
      .executeTakeFirstOrThrow();
    expect(fromJson(outbox.effects_json).map((effect) => effect.table)).toContain('callback');

    expect(await desk.call('callbacks.list', { view: 'open' })).toMatchObject([
      {
        kind: 'first_stay',
        guestName: '王芳',
        phoneLast4: '5678',
        bookingNumber: booking.number,
        complaintNumber: null,
        dueAt: hoursAfter(checkedOutAt, 24),
        attempts: 0,
        doneBy: null,
      },
    ]);
  });

  it('gives a second stay none, whether it follows the first or ran beside it', async () => {
    const second = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      adults: 1,
    });
    await desk.call('frontDesk.checkIn', { bookingId: second.id, roomId: hotel.rooms['302']! });
    await stayOneNight(hotel.guest, '301');
    const { balanceFen } = await desk.call('bookings.get', { id: second.id });
    await desk.call('payments.record', {
      bookingId: second.id,
      kind: 'payment',
      method: 'cash',
      amountFen: balanceFen,
    });
    await desk.call('frontDesk.checkOut', { bookingId: second.id });
    expect(await callbackRows()).toHaveLength(1);

    // Another guest's first stay: one of their own.
    const li = await desk.call('guests.create', { name: '李强', phone: '13900001111' });
    await stayOneNight(li.id, '501');
    expect((await callbackRows()).map((row) => row.guest_id)).toEqual([hotel.guest, li.id]);
  });
});

describe('recording calls', () => {
  it('counts each call, keeps the task open until the guest is reached, and closes it with their score and words', async () => {
    await stayOneNight(hotel.guest, '301');
    await signIn(desk, 'zhou');
    const [task] = await desk.call('callbacks.list', { view: 'open' });

    await later(60, 'zhou');
    const firstCall = desk.clock.now().toISOString();
    const missed = await desk.call('callbacks.record', { id: task!.id, outcome: 'not_reached' });
    expect(missed).toMatchObject({ status: 'open', attempts: 1, lastOutcome: 'not_reached', lastAttemptAt: firstCall });

    await later(60, 'zhou');
    const callAt = hoursAfter(desk.clock.now(), 5);
    const asked = await desk.call('callbacks.record', {
      id: task!.id,
      outcome: 'call_again',
      callAgainAt: callAt,
      words: '在开会，下午再打',
    });
    expect(asked).toMatchObject({ status: 'open', attempts: 2, callAgainAt: callAt, words: '在开会，下午再打' });

    await later(300, 'zhou');
    const done = await desk.call('callbacks.record', {
      id: task!.id,
      outcome: 'reached',
      score: 4,
      words: '房间安静，早餐可以更丰富',
    });
    expect(done).toMatchObject({
      status: 'done',
      attempts: 3,
      lastOutcome: 'reached',
      score: 4,
      words: '房间安静，早餐可以更丰富',
      doneBy: { id: zhou, name: 'zhou' },
    });
    const row = await desk.services.db
      .selectFrom('callback')
      .selectAll()
      .where('id', '=', task!.id)
      .executeTakeFirstOrThrow();
    expect(row.first_attempt_at).toBe(firstCall);

    expect(await desk.call('callbacks.list', { view: 'open' })).toEqual([]);
    expect(await desk.call('callbacks.list', { view: 'done' })).toMatchObject([{ id: task!.id, score: 4 }]);
    const audit = await desk.services.db
      .selectFrom('audit_log')
      .select(['entity_type', 'entity_id', 'outcome', 'actor_id'])
      .where('operation', '=', 'callbacks.record')
      .execute();
    expect(audit).toEqual(
      Array(3).fill({ entity_type: 'callback', entity_id: task!.id, outcome: 'ok', actor_id: zhou }),
    );
  });

  it('lists open tasks by when to call them, a guest who asked to be called again by the time they asked', async () => {
    await stayOneNight(hotel.guest, '301');
    await later(60, 'lina');
    const li = await desk.call('guests.create', { name: '李强', phone: '13900001111' });
    await stayOneNight(li.id, '302');
    const names = async (view: 'open' | 'done') =>
      (await desk.call('callbacks.list', { view })).map((task) => task.guestName);
    expect(await names('open')).toEqual(['王芳', '李强']);

    // 王芳 asks to be called the day after 李强's task falls due: 李强 comes first.
    const [wang, li2] = await desk.call('callbacks.list', { view: 'open' });
    await desk.call('callbacks.record', {
      id: wang!.id,
      outcome: 'call_again',
      callAgainAt: hoursAfter(desk.clock.now(), 48),
    });
    expect(await names('open')).toEqual(['李强', '王芳']);
    // Not reached at the time asked for: she keeps her place by it.
    await desk.call('callbacks.record', { id: wang!.id, outcome: 'not_reached' });
    expect(await names('open')).toEqual(['李强', '王芳']);

    // Done: the latest call first.
    await desk.call('callbacks.record', { id: wang!.id, outcome: 'reached', score: 5 });
    await later(10, 'lina');
    await desk.call('callbacks.record', { id: li2!.id, outcome: 'reached', score: 3 });
    expect(await names('done')).toEqual(['李强', '王芳']);
  });

  it('refuses a call on a task already done, and changes nothing', async () => {
    await stayOneNight(hotel.guest, '301');
    const [task] = await desk.call('callbacks.list', { view: 'open' });
    await desk.call('callbacks.record', { id: task!.id, outcome: 'reached', score: 5 });
    const before = await unchangeable();
    expect(await desk.fail('callbacks.record', { id: task!.id, outcome: 'not_reached' })).toEqual({
      code: 'CALLBACK_DONE',
    });
    expect(await desk.fail('callbacks.record', { id: task!.id, outcome: 'reached', score: 1 })).toEqual({
      code: 'CALLBACK_DONE',
    });
    expect(await unchangeable()).toEqual(before);
  });

  it('refuses a score without reaching the guest, a reach without a score, a call-again without a time or in the past, and changes nothing', async () => {
    await stayOneNight(hotel.guest, '301');
    const [task] = await desk.call('callbacks.list', { view: 'open' });
    const before = await unchangeable();
    const id = task!.id;
    expect(await desk.fail('callbacks.record', { id, outcome: 'not_reached', score: 3 })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['score'],
    });
    expect(await desk.fail('callbacks.record', { id, outcome: 'reached' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['score'],
    });
    expect(await desk.fail('callbacks.record', { id, outcome: 'reached', score: 6 })).toMatchObject({
      code: 'INPUT_INVALID',
    });
    expect(await desk.fail('callbacks.record', { id, outcome: 'call_again' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['callAgainAt'],
    });
    expect(
      await desk.fail('callbacks.record', { id, outcome: 'call_again', callAgainAt: hoursAfter(desk.clock.now(), -1) }),
    ).toMatchObject({ code: 'INPUT_INVALID', fields: ['callAgainAt'] });
    expect(
      await desk.fail('callbacks.record', { id: '01900000-0000-7000-8000-000000000000', outcome: 'not_reached' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await unchangeable()).toEqual(before);
  });
});
