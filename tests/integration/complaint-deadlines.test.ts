/**
 * "5+X" clocks on real tickets: targets per severity from the policy, counted on the working
 * calendar in the property's own zone (the same instant is a holiday night in Shanghai and still
 * a working evening in Urumqi), stopped while waiting on the guest, moved by an admin's
 * correction of the calendar, and listed as due soon (80%) or overdue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn, type Desk, openDesk } from './desk';
import { openHotel } from './hotel';

let desk: Desk;

beforeEach(async () => {
  desk = await openDesk();
  await openHotel(desk);
});
afterEach(() => desk.close());

const complaint = (severity: 'general' | 'major' | 'group' = 'general') => ({
  channel: 'phone' as const,
  category: 'room',
  severity,
  description: '空调不制冷',
});

/** Time passes beyond the idle lock: the one at the desk signs in again. */
async function later(instant: string, username = 'lina') {
  desk.clock.setTo(instant);
  await signIn(desk, username);
}

async function minutesLater(minutes: number, username = 'lina') {
  desk.clock.advanceMinutes(minutes);
  await signIn(desk, username);
}

async function inZone(timeZone: string) {
  await signIn(desk, 'admin', 'admin-pass-1');
  const { id: _id, ...property } = (await desk.call('auth.session'))!.property;
  await desk.call('property.update', { ...property, timeZone });
  await signIn(desk, 'lina');
}

describe('deadlines on the working calendar', () => {
  // 17:00 UTC on 30 September 2026: 01:00 on National Day in Shanghai, 23:00 on a working day in Urumqi.
  const OPENED = '2026-09-30T17:00:00.000Z';

  it('start after National Day in Shanghai: five working days are 8, 9, 10 (a Saturday worked), 12 and 13 October', async () => {
    await inZone('Asia/Shanghai');
    await later(OPENED);
    const ticket = await desk.call('complaints.open', complaint());
    expect(ticket.response).toEqual({ dueAt: '2026-10-13T16:00:00.000Z', state: 'ok' });
    // Resolution: 15 working days from 8 October, the last of them 27 October.
    expect(ticket.resolution.dueAt).toBe('2026-10-27T16:00:00.000Z');
  });

  it('count the last hour of 30 September in Urumqi, so the response falls due an hour later in UTC', async () => {
    await inZone('Asia/Urumqi');
    await later(OPENED);
    const ticket = await desk.call('complaints.open', complaint());
    expect(ticket.response).toEqual({ dueAt: '2026-10-13T17:00:00.000Z', state: 'ok' });
  });

  it('run in clock hours for a major complaint, holiday or not', async () => {
    await inZone('Asia/Shanghai');
    await later(OPENED);
    const ticket = await desk.call('complaints.open', complaint('major'));
    expect(ticket.response.dueAt).toBe('2026-10-01T17:00:00.000Z');
    expect(ticket.resolution.dueAt).toBe('2026-10-03T17:00:00.000Z');
  });

  it("follow an admin's correction of the calendar on tickets already running", async () => {
    await inZone('Asia/Shanghai');
    await later(OPENED);
    const ticket = await desk.call('complaints.open', complaint());
    await signIn(desk, 'admin', 'admin-pass-1');
    await desk.call('complaints.correctCalendar', { date: '2026-10-09', working: false, note: '本地节庆' });
    await signIn(desk, 'lina');
    const after = await desk.call('complaints.get', { id: ticket.id });
    expect(after.response.dueAt).toBe('2026-10-14T16:00:00.000Z');
    expect(await desk.fail('complaints.correctCalendar', { date: '2026-10-10', working: false })).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('follow a changed target, and refuse a target of no time', async () => {
    await inZone('Asia/Shanghai');
    await later('2026-11-30T02:00:00.000Z');
    const ticket = await desk.call('complaints.open', complaint('major'));
    await signIn(desk, 'admin', 'admin-pass-1');
    const targets = await desk.call('complaints.setTarget', {
      severity: 'major',
      respond: { amount: 4, unit: 'hours' },
      resolve: { amount: 2, unit: 'working_days' },
    });
    expect(targets.find((t) => t.severity === 'major')).toEqual({
      severity: 'major',
      respond: { amount: 4, unit: 'hours' },
      resolve: { amount: 2, unit: 'working_days' },
    });
    expect(
      await desk.fail('complaints.setTarget', {
        severity: 'major',
        respond: { amount: 0, unit: 'hours' },
        resolve: { amount: 2, unit: 'working_days' },
      }),
    ).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await desk.call('complaints.targets')).toEqual(targets);
    await signIn(desk, 'lina');
    expect((await desk.call('complaints.get', { id: ticket.id })).response.dueAt).toBe('2026-11-30T06:00:00.000Z');
  });
});

describe('waiting on the guest', () => {
  it('stops the clock, and the time waited moves the deadline by as much', async () => {
    await inZone('Asia/Shanghai');
    await later('2026-11-30T02:00:00.000Z'); // Monday 10:00
    const ticket = await desk.call('complaints.open', complaint());
    expect(ticket.response.dueAt).toBe('2026-12-07T02:00:00.000Z');
    await later('2026-12-01T02:00:00.000Z');
    const paused = await desk.call('complaints.pause', { id: ticket.id, note: '等客人提供照片' });
    expect(paused.response).toEqual({ dueAt: null, state: 'paused' });
    expect(await desk.fail('complaints.respond', { id: ticket.id, note: '已回复' })).toMatchObject({
      code: 'COMPLAINT_WAITING',
    });
    expect(await desk.fail('complaints.pause', { id: ticket.id, note: '再等' })).toMatchObject({
      code: 'COMPLAINT_WAITING',
    });
    // Two working days and a weekend later: the weekend would not have counted anyway.
    await later('2026-12-03T02:00:00.000Z');
    const resumed = await desk.call('complaints.resume', { id: ticket.id });
    expect(resumed.response.dueAt).toBe('2026-12-09T02:00:00.000Z');
    expect(resumed.timeline.map((e) => e.kind)).toEqual(['opened', 'paused', 'resumed']);
    expect(await desk.fail('complaints.resume', { id: ticket.id })).toMatchObject({ code: 'COMPLAINT_NOT_WAITING' });
  });
});

describe('due soon and overdue', () => {
  it('list a ticket past 80% of its target as due soon, past its target as overdue, and stop once met', async () => {
    await inZone('Asia/Shanghai');
    await later('2026-11-30T02:00:00.000Z');
    const ticket = await desk.call('complaints.open', complaint('major')); // respond within 24 h
    const ids = async (view: 'due_soon' | 'overdue') => (await desk.call('complaints.list', { view })).map((c) => c.id);
    await minutesLater(19 * 60);
    expect(await ids('due_soon')).toEqual([]);
    await minutesLater(60); // 20 h of 24: 83%
    expect(await ids('due_soon')).toEqual([ticket.id]);
    expect(await desk.call('complaints.counts')).toMatchObject({ mine: 1, dueSoon: 1, overdue: 0, dueToday: 1 });
    await minutesLater(4 * 60);
    expect(await ids('overdue')).toEqual([ticket.id]);
    expect(await ids('due_soon')).toEqual([]);
    const responded = await desk.call('complaints.respond', { id: ticket.id, note: '已致电致歉' });
    expect(responded.response.state).toBe('met');
    // The resolution target (72 h) still runs: 25 h gone.
    expect(responded.resolution.state).toBe('ok');
    expect(await ids('overdue')).toEqual([]);
  });

  it("count a supervisor's watch over every running ticket, and an agent's over their own", async () => {
    await inZone('Asia/Shanghai');
    await later('2026-11-30T02:00:00.000Z');
    await desk.call('complaints.open', complaint('major'));
    await minutesLater(25 * 60, 'chen');
    expect(await desk.call('complaints.counts')).toMatchObject({ mine: 0, overdue: 1, awaitingSupervisor: 1 });
  });
});
