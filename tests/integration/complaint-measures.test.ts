/**
 * The service team's measures on a week of real tickets, worked out by hand: eleven complaints
 * opened in the week of 7–13 December 2026 (Shanghai) and two just outside it, taken through
 * response, hand-over, escalation, waiting on the guest and reopening by the operations
 * themselves; a local holiday the admin marked on Thursday the 10th; and satisfaction call-backs
 * written as rows. Times in the comments are Shanghai's.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_YET_CALLED } from '@shared/rules/callbacks';
import type { Insertable } from 'kysely';
import type { CallbackTable } from '../../src-main/db/schema';
import { complaintMeasures } from '../../src-main/services/complaints/measures';
import { addStaff, signIn, type Desk, openDesk } from './desk';
import { openHotel } from './hotel';

let desk: Desk;

/** A Shanghai wall-clock time in December 2026 ("7 09:30"), as a UTC instant. */
const local = (dayTime: string) => {
  const [day, time] = dayTime.split(' ');
  return new Date(`2026-12-${day!.padStart(2, '0')}T${time}:00+08:00`).toISOString();
};

/** The desk's clock moved to that time; the idle lock has struck meanwhile, so `who` signs in. */
async function at(dayTime: string, who: 'lina' | 'zhou' | 'chen') {
  desk.clock.advanceMinutes((Date.parse(local(dayTime)) - desk.clock.now().getTime()) / 60_000);
  await signIn(desk, who);
}

const complaint = (severity: 'general' | 'major' | 'group' = 'general') => ({
  channel: 'in_person' as const,
  category: 'room',
  severity,
  description: '空调不制冷',
});

beforeEach(async () => {
  desk = await openDesk();
  await openHotel(desk);
  await signIn(desk, 'admin', 'admin-pass-1');
  await addStaff(desk, 'zhou', 'service_rep');
  await desk.call('complaints.correctCalendar', { date: '2026-12-10', working: false, note: '本地假日' });
});
afterEach(() => desk.close());

/** The week's tickets, step by step in time order; the numbered ones (T1–T11) are opened in the week. */
async function theWeek() {
  const open = async (severity?: 'general' | 'major' | 'group') =>
    (await desk.call('complaints.open', complaint(severity))).id;
  const respond = (id: string) => desk.call('complaints.respond', { id, note: '已致歉' });
  const resolve = (id: string) => desk.call('complaints.resolve', { id, note: '已处理' });

  await at('6 23:30', 'lina');
  await open(); // Sunday night: before the week
  await at('7 00:30', 'zhou');
  const t10 = await open();
  await at('7 01:00', 'zhou');
  await resolve(t10);
  await at('7 08:00', 'zhou');
  const t8 = await open('group');
  await at('7 09:00', 'lina');
  const t1 = await open();
  await at('7 09:05', 'lina');
  const t11 = await open('major');
  await at('7 09:30', 'lina');
  await respond(t1);
  await at('7 09:35', 'lina');
  await respond(t11);
  await at('7 10:00', 'lina');
  const t2 = await open();
  await at('7 11:00', 'zhou');
  await respond(t8); // an hour after the group complaint's 2-hour response target
  await at('7 11:00', 'lina');
  await resolve(t1);
  const t3 = await open();
  await desk.call('complaints.offerHandover', { id: t3, toStaffId: (await zhouId())!, note: '' });
  await at('7 11:30', 'zhou');
  await desk.call('complaints.acceptHandover', { id: t3, note: '' });
  await at('7 12:00', 'zhou');
  await respond(t3);
  await at('7 15:30', 'zhou');
  await resolve(t3);
  await at('8 09:00', 'zhou');
  await resolve(t8);
  await at('8 09:00', 'lina');
  const t4 = await open('major');
  await at('8 10:00', 'lina');
  await resolve(t2);
  await respond(t4);
  await desk.call('complaints.escalate', { id: t4, supervisorId: (await chenId())!, note: '' });
  await at('8 14:00', 'lina');
  const t5 = await open();
  await at('8 15:30', 'lina');
  await respond(t5);
  await at('8 16:00', 'lina');
  await resolve(t4);
  await desk.call('complaints.pause', { id: t5, note: '等客人回电' });
  await at('9 16:00', 'lina');
  await desk.call('complaints.resume', { id: t5, note: '' });
  await at('9 17:00', 'lina');
  const t6 = await open();
  await at('9 18:00', 'lina');
  await resolve(t5);
  await at('10 09:00', 'lina');
  await open('major'); // T7: never answered
  await at('11 09:00', 'lina');
  await respond(t6);
  const t9 = await open();
  await at('11 10:00', 'lina');
  await resolve(t9);
  await at('11 11:00', 'lina');
  await desk.call('complaints.reopen', { id: t9, note: '客人说空调仍不制冷' });
  await at('11 12:00', 'lina');
  await resolve(t9);
  await at('14 01:00', 'lina');
  await open(); // Monday night after the week
}

const staffId = async (username: string) =>
  (await desk.services.db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirst())?.id;
const zhouId = () => staffId('zhou');
const chenId = () => staffId('chen');

/** Call-backs as the call-backs screen leaves them (written as rows: the tasks are not what is measured). */
async function theCallBacks() {
  const callback = (over: Partial<Insertable<CallbackTable>>): Insertable<CallbackTable> => ({
    id: uuidv7(),
    kind: 'complaint',
    guest_id: null,
    booking_id: null,
    complaint_id: null,
    created_at: local('1 00:00'),
    due_at: local('1 00:00'),
    ...NOT_YET_CALLED,
    updated_at: local('1 00:00'),
    server_version: null,
    ...over,
  });
  const reached = (firstAt: string, lastAt: string, score: number) => ({
    status: 'done' as const,
    attempts: firstAt === lastAt ? 1 : 2,
    first_attempt_at: local(firstAt),
    last_attempt_at: local(lastAt),
    last_outcome: 'reached' as const,
    score,
  });
  await desk.services.db
    .insertInto('callback')
    .values([
      // C1: due Monday noon, the guest reached at 10:00 (5).
      callback({ due_at: local('7 12:00'), ...reached('7 10:00', '7 10:00', 5) }),
      // C2: due Tuesday 20:00, first tried Wednesday 09:00 (late), reached at 10:00 (3).
      callback({ kind: 'first_stay', due_at: local('8 20:00'), ...reached('9 09:00', '9 10:00', 3) }),
      // C3: due Thursday noon, never tried.
      callback({ due_at: local('10 12:00') }),
      // C4: due Sunday 20:00, not tried yet.
      callback({ kind: 'first_stay', due_at: local('13 20:00') }),
      // C5: due the week before, reached on Monday 09:00 (1): its score counts, its due does not.
      callback({ due_at: local('4 12:00'), ...reached('7 09:00', '7 09:00', 1) }),
      // C6: due Wednesday, reached on Sunday 23:00 before the week (4): in time, its score outside.
      callback({ due_at: local('9 12:00'), ...reached('6 23:00', '6 23:00', 4) }),
      // C7: due Friday 10:00, tried at 09:00 (call again) and 15:00 (not reached): tried in time.
      callback({
        due_at: local('11 10:00'),
        attempts: 2,
        first_attempt_at: local('11 09:00'),
        last_attempt_at: local('11 15:00'),
        last_outcome: 'not_reached',
      }),
      // C8: due 00:30 on Monday the 14th (still the 13th in UTC), reached on Saturday (2).
      callback({ kind: 'first_stay', due_at: local('14 00:30'), ...reached('12 10:00', '12 10:00', 2) }),
    ])
    .execute();
}

const WEEK = { from: '2026-12-07', to: '2026-12-13' };

describe('the measures of a week', () => {
  beforeEach(async () => {
    await theWeek();
    await theCallBacks();
  });

  it('count what was opened and resolved in the week, in working hours, as a supervisor reads them on Monday 02:00', async () => {
    await at('14 02:00', 'chen');
    expect(await desk.call('complaints.measures', WEEK)).toEqual({
      // T1–T11; the tickets of Sunday 23:30 and Monday 01:00 lie outside the week's local dates.
      opened: 11,
      // T1, T2, T3, T4, T5, T8, T9 (resolved again after reopening) and T10.
      resolved: 8,
      // T1 and T10: resolved by their opener the day they were opened. Not T3 (handed over), T4
      // (escalated), T9 (reopened), T2, T5 and T8 (the next day).
      firstContactResolutionRate: 2 / 8,
      // 0.5 (T1, T10, T11), 1 (T3, T4), 1.5 (T5), 3 (T8; T9 answered by its resolution at 12:00),
      // 16 (T6: Wednesday 17:00 to Friday 09:00 over the local holiday), 24 (T2): ten values.
      medianResponseWorkingHours: (1 + 1.5) / 2,
      // 0.5 (T10), 2 (T1), 3 (T9), 4 (T5: 28 hours less 24 waiting on the guest), 4.5 (T3),
      // 7 (T4), 24 (T2), 25 (T8).
      medianResolutionWorkingHours: (4 + 4.5) / 2,
      // Settled: all but T6 (resolution still running). Kept: T1, T2, T3, T4, T5, T9, T10; missed:
      // T7 (both overdue), T8 (answered late), T11 (resolution overdue since Thursday 09:05).
      withinTargetRate: 7 / 10,
      // Reached in the week: C1 (5), C2 (3), C5 (1), C8 (2); not C6, reached on Sunday before it.
      satisfactionScore: 11 / 4,
      // Due in the week: C1, C6, C7 tried in time; C2 late, C3 and C4 never.
      callbacksWithin24hRate: 3 / 6,
    });
  });

  it('leave out what is still in time on Saturday noon: T7’s resolution and C4', async () => {
    const measures = await complaintMeasures(desk.services.db, WEEK, new Date(local('12 12:00')));
    expect(measures.withinTargetRate).toBeCloseTo(7 / 9, 10);
    expect(measures.callbacksWithin24hRate).toBeCloseTo(3 / 5, 10);
    expect(measures.opened).toBe(11);
  });

  it('follow the calendar: T6, opened on Wednesday the 9th, took 16 working hours to answer over the holiday, 40 without it', async () => {
    await at('14 02:00', 'chen');
    const wednesday = { from: '2026-12-09', to: '2026-12-09' };
    expect(await desk.call('complaints.measures', wednesday)).toMatchObject({
      opened: 1,
      resolved: 0,
      medianResponseWorkingHours: 16,
    });
    await signIn(desk, 'admin', 'admin-pass-1');
    await desk.call('complaints.correctCalendar', { date: '2026-12-10', working: null });
    await signIn(desk, 'chen');
    expect(await desk.call('complaints.measures', wednesday)).toMatchObject({ medianResponseWorkingHours: 7 + 24 + 9 });
  });
});

describe('the measures of a quiet period', () => {
  it('have nothing to divide by: rates, medians and the score are empty', async () => {
    await signIn(desk, 'chen');
    expect(await desk.call('complaints.measures', { from: '2026-11-01', to: '2026-11-07' })).toEqual({
      opened: 0,
      resolved: 0,
      firstContactResolutionRate: null,
      medianResponseWorkingHours: null,
      medianResolutionWorkingHours: null,
      withinTargetRate: null,
      satisfactionScore: null,
      callbacksWithin24hRate: null,
    });
  });

  it('are for those who supervise complaints, not for an agent', async () => {
    await signIn(desk, 'lina');
    expect(await desk.fail('complaints.measures', { from: '2026-11-01', to: '2026-11-07' })).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });
});
