/**
 * Escalation on real tickets: a major complaint takes a supervisor as co-owner and closes only by
 * their sign-off; a group complaint opens with its response plan and a notice to the directors,
 * and only a director may co-own it; owner and co-owner reopen and tick the plan, nobody else.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, signIn, type Desk, openDesk } from './desk';
import { openHotel } from './hotel';

let desk: Desk;
let staff: Record<'lina' | 'chen' | 'zhou' | 'ma', string>;

beforeEach(async () => {
  desk = await openDesk();
  await openHotel(desk);
  await signIn(desk, 'admin', 'admin-pass-1');
  const zhou = await addStaff(desk, 'zhou', 'service_rep');
  const ma = await addStaff(desk, 'mali', 'director');
  const list = await desk.call('staff.list');
  const idOf = (username: string) => list.find((s) => s.username === username)!.id;
  staff = { lina: idOf('lina'), chen: idOf('chen'), zhou: zhou.id, ma: ma.id };
  await signIn(desk, 'lina');
});
afterEach(() => desk.close());

const open = (severity: 'general' | 'major' | 'group') =>
  desk.call('complaints.open', {
    channel: 'in_person',
    category: 'food',
    severity,
    description: severity === 'group' ? '旅行团二十人早餐后腹泻' : '房内发现蟑螂',
  });

async function resolved(severity: 'major' | 'group') {
  const ticket = await open(severity);
  await desk.call('complaints.respond', { id: ticket.id, note: '已到场处理' });
  return ticket;
}

describe('a major complaint', () => {
  it('is awaiting a supervisor until one co-owns it, and closes only by that supervisor’s sign-off', async () => {
    const ticket = await resolved('major');
    expect((await desk.call('complaints.list', { view: 'unassigned' })).map((c) => c.id)).toEqual([ticket.id]);
    expect((await desk.call('complaints.supervisors', { severity: 'major' })).map((s) => s.id).sort()).toEqual(
      [staff.chen, staff.ma].sort(),
    );
    expect(await desk.fail('complaints.escalate', { id: ticket.id, supervisorId: staff.zhou })).toMatchObject({
      code: 'COMPLAINT_SUPERVISOR_TARGET',
    });

    const escalated = await desk.call('complaints.escalate', {
      id: ticket.id,
      supervisorId: staff.chen,
      note: '请主管到场',
    });
    expect(escalated.coOwner).toEqual({ id: staff.chen, name: 'chen' });
    expect(escalated.timeline.at(-1)).toMatchObject({ kind: 'escalated', target: { id: staff.chen } });
    expect(await desk.call('complaints.list', { view: 'unassigned' })).toEqual([]);
    expect(await desk.fail('complaints.escalate', { id: ticket.id, supervisorId: staff.ma })).toMatchObject({
      code: 'COMPLAINT_CO_OWNED',
    });

    await desk.call('complaints.resolve', { id: ticket.id, note: '换房并赠送果盘' });
    expect(await desk.fail('complaints.close', { id: ticket.id })).toMatchObject({
      code: 'COMPLAINT_SIGN_OFF_REQUIRED',
    });
    // The owner cannot sign it off, even holding the ticket.
    expect(await desk.fail('complaints.signOff', { id: ticket.id })).toMatchObject({ code: 'PERMISSION_DENIED' });
    // Another supervisor cannot either.
    await signIn(desk, 'mali');
    expect(await desk.fail('complaints.signOff', { id: ticket.id })).toMatchObject({ code: 'COMPLAINT_NOT_CO_OWNER' });

    await signIn(desk, 'chen');
    expect((await desk.call('complaints.list', { view: 'mine' })).map((c) => c.id)).toEqual([ticket.id]);
    const closed = await desk.call('complaints.signOff', { id: ticket.id, note: '处理得当' });
    expect(closed).toMatchObject({ status: 'closed', signedOffBy: { id: staff.chen } });
    expect(closed.signedOffAt).toBe(closed.closedAt);
    expect(closed.timeline.map((e) => e.kind)).toEqual(['opened', 'responded', 'escalated', 'resolved', 'signed_off']);
  });

  it('may be taken up by a supervisor who was not named', async () => {
    const ticket = await open('major');
    await signIn(desk, 'chen');
    const taken = await desk.call('complaints.escalate', { id: ticket.id, supervisorId: staff.chen });
    expect(taken.coOwner?.id).toBe(staff.chen);
    // …but a supervisor cannot name someone else on a ticket they do not own.
    const other = await (async () => {
      await signIn(desk, 'lina');
      return open('major');
    })();
    await signIn(desk, 'chen');
    expect(await desk.fail('complaints.escalate', { id: other.id, supervisorId: staff.ma })).toMatchObject({
      code: 'COMPLAINT_NOT_OWNER',
    });
  });

  it('goes back in hand when the supervisor sends the resolution back, and closes again by sign-off', async () => {
    const ticket = await resolved('major');
    await desk.call('complaints.escalate', { id: ticket.id, supervisorId: staff.chen });
    await desk.call('complaints.resolve', { id: ticket.id, note: '已道歉' });
    await signIn(desk, 'chen');
    const reopened = await desk.call('complaints.reopen', { id: ticket.id, note: '客人仍不满意，需补偿方案' });
    expect(reopened).toMatchObject({ status: 'responded', resolvedAt: null, closedAt: null });
    expect(await desk.fail('complaints.signOff', { id: ticket.id })).toMatchObject({ code: 'COMPLAINT_STATUS' });
    await signIn(desk, 'zhou');
    expect(await desk.fail('complaints.reopen', { id: ticket.id, note: 'x' })).toMatchObject({
      code: 'COMPLAINT_NOT_OWNER_OR_CO_OWNER',
    });
  });
});

describe('a general complaint', () => {
  it('takes no co-owner and is closed by its owner', async () => {
    const ticket = await open('general');
    expect(await desk.fail('complaints.escalate', { id: ticket.id, supervisorId: staff.chen })).toMatchObject({
      code: 'COMPLAINT_GENERAL_NOT_ESCALATED',
    });
    await desk.call('complaints.resolve', { id: ticket.id, note: '已更换' });
    expect((await desk.call('complaints.close', { id: ticket.id })).status).toBe('closed');
  });
});

describe('a group complaint', () => {
  it('opens with its response plan and a notice to the directors, who alone may co-own it', async () => {
    const ticket = await open('group');
    expect(ticket.plan.map((item) => item.step)).toEqual([
      'count_affected',
      'notify_director',
      'one_spokesperson',
      'record_each_guest',
      'compensation_plan',
      'call_back_each',
    ]);
    expect(ticket.timeline.map((e) => e.kind)).toEqual(['opened', 'director_notified']);
    expect((await desk.call('complaints.supervisors', { severity: 'group' })).map((s) => s.id)).toEqual([staff.ma]);

    await signIn(desk, 'chen');
    expect(await desk.call('complaints.counts')).toMatchObject({ awaitingSupervisor: 0 });
    expect(await desk.fail('complaints.escalate', { id: ticket.id, supervisorId: staff.chen })).toMatchObject({
      code: 'COMPLAINT_SUPERVISOR_TARGET',
    });
    await signIn(desk, 'mali');
    expect(await desk.call('complaints.counts')).toMatchObject({ awaitingSupervisor: 1 });
    await desk.call('complaints.escalate', { id: ticket.id, supervisorId: staff.ma });

    const first = ticket.plan[0]!;
    const ticked = await desk.call('complaints.tickPlan', { id: ticket.id, itemId: first.id });
    expect(ticked.plan[0]).toMatchObject({ doneBy: { id: staff.ma } });
    expect(await desk.fail('complaints.tickPlan', { id: ticket.id, itemId: first.id })).toMatchObject({
      code: 'COMPLAINT_PLAN_STEP',
    });
    await signIn(desk, 'zhou');
    expect(await desk.fail('complaints.tickPlan', { id: ticket.id, itemId: ticket.plan[1]!.id })).toMatchObject({
      code: 'COMPLAINT_NOT_OWNER_OR_CO_OWNER',
    });
  });
});
