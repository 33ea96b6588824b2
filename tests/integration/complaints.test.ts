import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromJson } from '@shared/json';
import { addStaff, signIn, type Desk, openDesk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;
let staff: Record<'lina' | 'chen' | 'zhou', string>;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await signIn(desk, 'admin', 'admin-pass-1');
  const zhou = await addStaff(desk, 'zhou', 'service_rep');
  const list = await desk.call('staff.list');
  const idOf = (username: string) => list.find((s) => s.username === username)!.id;
  staff = { lina: idOf('lina'), chen: idOf('chen'), zhou: zhou.id };
  await signIn(desk, 'lina');
});
afterEach(() => desk.close());

const noisyRoom = (over: Record<string, unknown> = {}) => ({
  channel: 'in_person' as const,
  category: 'noise',
  severity: 'general' as const,
  description: '隔壁房间深夜喧哗，无法入睡',
  expectation: '换一间安静的房间',
  ...over,
});

async function rows() {
  const count = async (table: 'complaint' | 'complaint_event') =>
    (
      await desk.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    ...(await desk.counts()),
    complaint: await count('complaint'),
    complaint_event: await count('complaint_event'),
  };
}

describe('opening a complaint', () => {
  it('is owned by whoever opens it, numbered at this desk, with the opening on its timeline', async () => {
    const complaint = await desk.call('complaints.open', noisyRoom({ guestId: hotel.guest }));
    expect(complaint).toMatchObject({
      number: expect.stringMatching(new RegExp(`^K261126-${desk.services.device.code}-001$`)),
      status: 'open',
      owner: { id: staff.lina, name: 'lina' },
      openedBy: { id: staff.lina },
      pendingOwner: null,
      guestName: '王芳',
      category: 'noise',
    });
    expect(complaint.timeline).toMatchObject([{ kind: 'opened', staff: { id: staff.lina } }]);
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .select('effects_json')
      .where('name', '=', 'complaints.open')
      .executeTakeFirstOrThrow();
    expect(
      fromJson(outbox.effects_json)
        .map((effect) => effect.table)
        .sort(),
    ).toEqual(['audit_log', 'complaint', 'complaint_event']);
  });

  it('offers the categories as data, in their order', async () => {
    const categories = await desk.call('complaints.categories');
    expect(categories.map((c) => c.code)).toEqual([
      'room',
      'cleanliness',
      'noise',
      'billing',
      'staff',
      'facilities',
      'food',
      'ticketing',
      'other',
    ]);
  });

  it('refuses an unknown category, an unknown guest or an empty description, and writes nothing', async () => {
    const before = await rows();
    expect(await desk.fail('complaints.open', noisyRoom({ category: 'weather' }))).toMatchObject({
      code: 'COMPLAINT_CATEGORY_UNKNOWN',
    });
    expect(
      await desk.fail('complaints.open', noisyRoom({ guestId: '01900000-0000-7000-8000-000000000000' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await desk.fail('complaints.open', noisyRoom({ description: '' }))).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['description'],
    });
    expect(await desk.fail('complaints.open', noisyRoom({ severity: 'huge' }))).toMatchObject({
      code: 'INPUT_INVALID',
    });
    const after = await rows();
    expect({ ...after, audit_log: before.audit_log }).toEqual(before);
  });
});

describe('the list', () => {
  it('shows open tickets, mine, and by severity; closed ones only under all', async () => {
    const mine = await desk.call('complaints.open', noisyRoom());
    await signIn(desk, 'zhou');
    const major = await desk.call('complaints.open', noisyRoom({ severity: 'major', category: 'billing' }));
    const closed = await desk.call('complaints.open', noisyRoom({ category: 'food' }));
    await desk.call('complaints.resolve', { id: closed.id, note: '已致歉并退还餐费' });
    await desk.call('complaints.close', { id: closed.id });
    await signIn(desk, 'lina');

    const numbers = async (input: Record<string, unknown>) =>
      (await desk.call('complaints.list', input)).map((c) => c.number).sort();
    expect(await numbers({})).toEqual([mine.number, major.number].sort());
    expect(await numbers({ view: 'mine' })).toEqual([mine.number]);
    expect(await numbers({ severity: 'major' })).toEqual([major.number]);
    expect(await numbers({ view: 'all' })).toEqual([mine.number, major.number, closed.number].sort());
  });
});

describe('ownership (首问负责制)', () => {
  it('lets only the owner respond and resolve', async () => {
    const { id } = await desk.call('complaints.open', noisyRoom());
    await signIn(desk, 'zhou');
    expect(await desk.fail('complaints.respond', { id, note: '我来看看' })).toEqual({
      code: 'COMPLAINT_NOT_OWNER',
      params: { owner: 'lina' },
    });
    await signIn(desk, 'lina');
    const responded = await desk.call('complaints.respond', { id, note: '已向客人致歉，正在安排换房' });
    expect(responded).toMatchObject({ status: 'responded', respondedAt: expect.any(String) });
    const resolved = await desk.call('complaints.resolve', { id, note: '已换到 501，客人满意' });
    expect(resolved.status).toBe('resolved');
    expect(await desk.fail('complaints.respond', { id, note: '再次回应' })).toEqual({
      code: 'COMPLAINT_STATUS',
      params: { status: 'resolved' },
    });
    expect(resolved.timeline.map((e) => e.kind)).toEqual(['opened', 'responded', 'resolved']);
  });

  it('moves to the receiver only once they accept; until then the first owner stays owner', async () => {
    const { id } = await desk.call('complaints.open', noisyRoom());
    const offered = await desk.call('complaints.offerHandover', { id, toStaffId: staff.zhou, note: '交客服跟进' });
    expect(offered).toMatchObject({ owner: { id: staff.lina }, pendingOwner: { id: staff.zhou, name: 'zhou' } });
    expect(await desk.fail('complaints.offerHandover', { id, toStaffId: staff.chen })).toEqual({
      code: 'COMPLAINT_HANDOVER_PENDING',
      params: { receiver: 'zhou' },
    });
    // The owner is still accountable while the offer waits.
    await desk.call('complaints.respond', { id, note: '已先行致歉' });

    await signIn(desk, 'chen');
    const before = await rows();
    expect(await desk.fail('complaints.acceptHandover', { id })).toEqual({ code: 'COMPLAINT_HANDOVER_NOT_YOURS' });
    expect(await desk.fail('complaints.declineHandover', { id })).toEqual({ code: 'COMPLAINT_HANDOVER_NOT_YOURS' });
    expect((await rows()).complaint_event).toBe(before.complaint_event);

    await signIn(desk, 'zhou');
    const accepted = await desk.call('complaints.acceptHandover', { id, note: '我来跟进' });
    expect(accepted).toMatchObject({ owner: { id: staff.zhou }, pendingOwner: null, status: 'responded' });
    expect(accepted.timeline.map((e) => [e.kind, e.staff.name, e.target?.name ?? null])).toEqual([
      ['opened', 'lina', null],
      ['handover_offered', 'lina', 'zhou'],
      ['responded', 'lina', null],
      ['handover_accepted', 'zhou', null],
    ]);
    expect(await desk.call('complaints.list', { view: 'mine' })).toMatchObject([{ id }]);

    await signIn(desk, 'lina');
    expect(await desk.fail('complaints.resolve', { id, note: '已处理' })).toMatchObject({
      code: 'COMPLAINT_NOT_OWNER',
    });
  });

  it('stays with the owner when the receiver declines, and may then be offered again', async () => {
    const { id } = await desk.call('complaints.open', noisyRoom());
    await desk.call('complaints.offerHandover', { id, toStaffId: staff.zhou });
    await signIn(desk, 'zhou');
    const declined = await desk.call('complaints.declineHandover', { id, note: '今天不在班' });
    expect(declined).toMatchObject({ owner: { id: staff.lina }, pendingOwner: null });
    expect(await desk.fail('complaints.acceptHandover', { id })).toEqual({ code: 'COMPLAINT_HANDOVER_NOT_YOURS' });
    await signIn(desk, 'lina');
    expect(await desk.call('complaints.offerHandover', { id, toStaffId: staff.chen })).toMatchObject({
      pendingOwner: { id: staff.chen },
    });
  });

  it('names who a ticket may be handed to: active staff whose role handles complaints', async () => {
    expect((await desk.call('complaints.receivers')).map((staff) => staff.name).sort()).toEqual(
      ['chen', 'lina', 'zhou', '王经理'].sort(),
    );
    await signIn(desk, 'admin', 'admin-pass-1');
    await desk.call('permissions.set', { role: 'service_rep', permission: 'complaints.handle', granted: false });
    expect((await desk.call('complaints.receivers')).map((staff) => staff.name)).not.toContain('zhou');
    await signIn(desk, 'lina');
    const { id } = await desk.call('complaints.open', noisyRoom());
    expect(await desk.fail('complaints.offerHandover', { id, toStaffId: staff.zhou })).toMatchObject({
      code: 'COMPLAINT_HANDOVER_TARGET',
    });
  });

  it('refuses a hand-over to the owner or to someone unknown', async () => {
    const { id } = await desk.call('complaints.open', noisyRoom());
    for (const toStaffId of [staff.lina, '01900000-0000-7000-8000-000000000000'])
      expect(await desk.fail('complaints.offerHandover', { id, toStaffId })).toMatchObject({
        code: 'COMPLAINT_HANDOVER_TARGET',
      });
  });
});

describe('closing', () => {
  it('closes a resolved general complaint, never an unresolved one', async () => {
    const { id } = await desk.call('complaints.open', noisyRoom());
    expect(await desk.fail('complaints.close', { id })).toEqual({
      code: 'COMPLAINT_STATUS',
      params: { status: 'open' },
    });
    await desk.call('complaints.resolve', { id, note: '已换房' });
    const closed = await desk.call('complaints.close', { id, note: '回访满意' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(closed.timeline.map((e) => e.kind)).toEqual(['opened', 'resolved', 'closed']);
  });

  it('refuses to close a major or group complaint without a supervisor sign-off', async () => {
    for (const severity of ['major', 'group'] as const) {
      const { id } = await desk.call('complaints.open', noisyRoom({ severity }));
      await desk.call('complaints.resolve', { id, note: '已处理' });
      expect(await desk.fail('complaints.close', { id })).toEqual({ code: 'COMPLAINT_SIGN_OFF_REQUIRED' });
      expect((await desk.call('complaints.get', { id })).status).toBe('resolved');
    }
  });
});

describe('history and call-backs', () => {
  it("lists a guest's and a booking's complaints, closed ones too", async () => {
    const about = await desk.call('complaints.open', noisyRoom({ guestId: hotel.guest }));
    await desk.call('complaints.open', noisyRoom());
    await desk.call('complaints.resolve', { id: about.id, note: '已换房' });
    await desk.call('complaints.close', { id: about.id });
    const history = await desk.call('complaints.list', { view: 'open', guestId: hotel.guest });
    expect(history.map((c) => [c.id, c.status])).toEqual([[about.id, 'closed']]);
  });

  it('schedules a call-back within a day when a complaint naming a guest is resolved, and none without one', async () => {
    const named = await desk.call('complaints.open', noisyRoom({ guestId: hotel.guest }));
    const anonymous = await desk.call('complaints.open', noisyRoom());
    await desk.call('complaints.resolve', { id: named.id, note: '已换房' });
    await desk.call('complaints.resolve', { id: anonymous.id, note: '已致歉' });
    const callbacks = await desk.call('callbacks.list', { view: 'open' });
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({
      kind: 'complaint',
      complaintId: named.id,
      complaintNumber: named.number,
      guestId: hotel.guest,
      dueAt: new Date(desk.clock.now().getTime() + 24 * 3_600_000).toISOString(),
    });
    // Due at 10:00 tomorrow: not today's yet; after midnight in Shanghai it is.
    expect((await desk.call('complaints.counts')).callbacksDueToday).toBe(0);
    desk.clock.advanceMinutes(15 * 60);
    await signIn(desk, 'lina');
    expect((await desk.call('complaints.counts')).callbacksDueToday).toBe(1);
  });
});
