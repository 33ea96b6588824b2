import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, openDesk, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;

beforeEach(async () => {
  desk = await openDesk();
  await setUpDesk(desk);
  await addStaff(desk, 'lina', 'agent');
});
afterEach(() => desk.close());

async function rows(table: 'room_type' | 'room' | 'rate_plan' | 'rate_plan_price' | 'closed_date') {
  return desk.services.db.selectFrom(table).selectAll().execute();
}

async function auditOf(operation: string) {
  const entries = await desk.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('operation', '=', operation)
    .orderBy('seq')
    .execute();
  return entries.map((e) => ({
    ...e,
    detail: JSON.parse(e.detail_json ?? '{}') as { before?: unknown; after?: unknown },
  }));
}

async function deluxe() {
  return desk.call('roomTypes.save', { code: 'dlx', name: '豪华大床房', capacity: 2, baseRateFen: 68_800 });
}

describe('room types', () => {
  it('are created with an upper-case code, listed with their room count, and audited', async () => {
    const type = await deluxe();
    expect(type).toEqual({
      id: expect.any(String),
      code: 'DLX',
      name: '豪华大床房',
      nameEn: null,
      capacity: 2,
      baseRateFen: 68_800,
      rooms: 0,
    });
    await desk.call('rooms.save', { number: '801', floor: 8, roomTypeId: type.id });
    await desk.call('rooms.save', { number: '802', floor: 8, roomTypeId: type.id });
    expect(await desk.call('roomTypes.list')).toEqual([{ ...type, rooms: 2 }]);

    const [entry] = await auditOf('roomTypes.save');
    expect(entry).toMatchObject({ entity_type: 'room_type', entity_id: type.id, outcome: 'ok', actor_name: 'admin' });
    expect(entry!.detail.after).toEqual(type);
    expect(
      await desk.services.db.selectFrom('outbox').select('name').where('name', '=', 'roomTypes.save').execute(),
    ).toHaveLength(1);
  });

  it('do not count deleted rooms', async () => {
    const type = await deluxe();
    const room = await desk.call('rooms.save', { number: '801', floor: 8, roomTypeId: type.id });
    await desk.call('rooms.save', { number: '802', floor: 8, roomTypeId: type.id });
    await desk.services.db
      .updateTable('room')
      .set({ deleted_at: desk.clock.now().toISOString() })
      .where('id', '=', room.id)
      .execute();
    expect((await desk.call('roomTypes.list'))[0]?.rooms).toBe(1);
  });

  it('are updated in place, with the state before and after in the audit trail', async () => {
    const type = await deluxe();
    const updated = await desk.call('roomTypes.save', {
      id: type.id,
      code: 'DLX',
      name: '豪华大床房（湖景）',
      capacity: 3,
      baseRateFen: 78_800,
    });
    expect(updated).toEqual({ ...type, name: '豪华大床房（湖景）', capacity: 3, baseRateFen: 78_800 });
    expect(await rows('room_type')).toHaveLength(1);
    const [, update] = await auditOf('roomTypes.save');
    expect(update!.detail).toMatchObject({ before: type, after: updated });
  });

  it('refuse a code another type already uses, and write nothing', async () => {
    const type = await deluxe();
    const twin = await desk.call('roomTypes.save', {
      code: 'TWN',
      name: '标准双床房',
      capacity: 2,
      baseRateFen: 48_800,
    });
    const before = await desk.counts();
    expect(
      await desk.fail('roomTypes.save', { code: 'Dlx', name: '另一个豪华房', capacity: 2, baseRateFen: 1 }),
    ).toEqual({ code: 'CODE_TAKEN', params: { code: 'DLX' } });
    expect(
      await desk.fail('roomTypes.save', {
        id: twin.id,
        code: 'DLX',
        name: '标准双床房',
        capacity: 2,
        baseRateFen: 48_800,
      }),
    ).toMatchObject({ code: 'CODE_TAKEN' });
    expect(await desk.counts()).toEqual(before);
    expect((await desk.call('roomTypes.list')).map((t) => t.code)).toEqual(['DLX', 'TWN']);
    // Saving a type under its own code is not a clash.
    expect(
      (await desk.call('roomTypes.save', { id: type.id, code: 'DLX', name: '豪华', capacity: 2, baseRateFen: 1 })).name,
    ).toBe('豪华');
  });

  it('cannot be updated when the id is unknown', async () => {
    expect(
      (
        await desk.fail('roomTypes.save', {
          id: '0192f000-0000-7000-8000-000000000099',
          code: 'X',
          name: 'X',
          capacity: 1,
          baseRateFen: 0,
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(await rows('room_type')).toEqual([]);
  });

  it('an agent may read them but cannot save one (PERMISSION_DENIED, recorded)', async () => {
    await deluxe();
    await signIn(desk, 'lina');
    expect(await desk.call('roomTypes.list')).toHaveLength(1);
    expect(await desk.fail('roomTypes.save', { code: 'STE', name: '套房', capacity: 4, baseRateFen: 188_800 })).toEqual(
      {
        code: 'PERMISSION_DENIED',
        params: { permission: 'inventory.manage' },
      },
    );
    expect(await rows('room_type')).toHaveLength(1);
    expect(await auditOf('roomTypes.save')).toEqual([
      expect.objectContaining({ outcome: 'ok' }),
      expect.objectContaining({ outcome: 'denied', actor_name: 'lina' }),
    ]);
  });
});

describe('rooms', () => {
  it('start vacant and clean, keep their features, and list by floor and number', async () => {
    const type = await deluxe();
    const room = await desk.call('rooms.save', {
      number: '1201',
      floor: 12,
      roomTypeId: type.id,
      features: ['湖景', '无烟'],
    });
    expect(room).toEqual({
      id: expect.any(String),
      number: '1201',
      floor: 12,
      roomTypeId: type.id,
      features: ['湖景', '无烟'],
      status: 'vacant_clean',
    });
    await desk.call('rooms.save', { number: '802', floor: 8, roomTypeId: type.id });
    await desk.call('rooms.save', { number: '801', floor: 8, roomTypeId: type.id });
    await desk.call('rooms.save', { number: 'B01', floor: -1, roomTypeId: type.id });
    expect((await desk.call('rooms.list')).map((r) => r.number)).toEqual(['B01', '801', '802', '1201']);
  });

  it('a duplicate room number is refused and nothing is written', async () => {
    const type = await deluxe();
    const room = await desk.call('rooms.save', { number: '801', floor: 8, roomTypeId: type.id });
    const other = await desk.call('rooms.save', { number: '802', floor: 8, roomTypeId: type.id });
    const before = await desk.counts();
    expect(await desk.fail('rooms.save', { number: ' 801 ', floor: 8, roomTypeId: type.id })).toEqual({
      code: 'CODE_TAKEN',
      params: { code: '801' },
    });
    expect(await desk.fail('rooms.save', { id: other.id, number: '801', floor: 8, roomTypeId: type.id })).toEqual({
      code: 'CODE_TAKEN',
      params: { code: '801' },
    });
    expect(await desk.counts()).toEqual(before);
    expect(await desk.call('rooms.list')).toEqual([room, other]);
  });

  it('must belong to a room type that exists', async () => {
    expect(
      (await desk.fail('rooms.save', { number: '801', floor: 8, roomTypeId: '0192f000-0000-7000-8000-000000000099' }))
        .code,
    ).toBe('NOT_FOUND');
    expect(await rows('room')).toEqual([]);
  });

  it('keep their housekeeping status when setup changes them', async () => {
    const type = await deluxe();
    const twin = await desk.call('roomTypes.save', {
      code: 'TWN',
      name: '标准双床房',
      capacity: 2,
      baseRateFen: 48_800,
    });
    const room = await desk.call('rooms.save', { number: '801', floor: 8, roomTypeId: type.id });
    await desk.services.db.updateTable('room').set({ status: 'occupied' }).where('id', '=', room.id).execute();
    const moved = await desk.call('rooms.save', {
      id: room.id,
      number: '801',
      floor: 8,
      roomTypeId: twin.id,
      features: ['加床'],
    });
    expect(moved).toEqual({ ...room, roomTypeId: twin.id, features: ['加床'], status: 'occupied' });
    const [, update] = await auditOf('rooms.save');
    expect(update).toMatchObject({ entity_type: 'room', entity_id: room.id });
    expect(update!.detail).toMatchObject({
      before: { roomTypeId: type.id, status: 'occupied' },
      after: { roomTypeId: twin.id },
    });
  });
});

describe('rate plans', () => {
  it("a rate plan's prices are replaced in one save, in the order given", async () => {
    const type = await deluxe();
    const twin = await desk.call('roomTypes.save', {
      code: 'TWN',
      name: '标准双床房',
      capacity: 2,
      baseRateFen: 48_800,
    });
    const plan = await desk.call('ratePlans.save', {
      code: 'bar',
      name: '门市价',
      channels: ['walk_in', 'phone'],
      prices: [
        { roomTypeId: type.id, startDate: '2026-12-01', endDate: '2026-12-31', weekdays: 127, priceFen: 68_800 },
        { roomTypeId: twin.id, startDate: '2026-12-01', endDate: '2026-12-31', weekdays: 127, priceFen: 48_800 },
      ],
    });
    expect(plan).toMatchObject({ code: 'BAR', memberOnly: false, channels: ['walk_in', 'phone'] });
    expect(plan.prices.map((p) => p.roomTypeId)).toEqual([type.id, twin.id]);

    const prices = [
      { roomTypeId: twin.id, startDate: '2027-01-01', endDate: '2027-01-31', weekdays: 96, priceFen: 58_800 },
      { roomTypeId: type.id, startDate: '2027-01-01', endDate: '2027-01-31', weekdays: 31, priceFen: 72_800 },
      { roomTypeId: type.id, startDate: '2027-01-01', endDate: '2027-01-31', weekdays: 96, priceFen: 88_800 },
    ];
    const saved = await desk.call('ratePlans.save', {
      id: plan.id,
      code: 'BAR',
      name: '门市价',
      memberOnly: true,
      channels: ['walk_in'],
      prices,
    });
    expect(saved.prices.map(({ id: _id, ...price }) => price)).toEqual(prices);
    expect(saved.prices.some((p) => plan.prices.some((old) => old.id === p.id))).toBe(false);
    expect(await rows('rate_plan_price')).toHaveLength(3);
    expect(await desk.call('ratePlans.list')).toEqual([saved]);

    const [, update] = await auditOf('ratePlans.save');
    expect(update!.detail).toMatchObject({
      before: { prices: plan.prices },
      after: { memberOnly: true, prices: saved.prices },
    });
  });

  it('refuse a price for a room type that does not exist, and keep the old prices', async () => {
    const type = await deluxe();
    const plan = await desk.call('ratePlans.save', {
      code: 'BAR',
      name: '门市价',
      channels: ['walk_in'],
      prices: [
        { roomTypeId: type.id, startDate: '2026-12-01', endDate: '2026-12-31', weekdays: 127, priceFen: 68_800 },
      ],
    });
    const error = await desk.fail('ratePlans.save', {
      id: plan.id,
      code: 'BAR',
      name: '门市价（新）',
      channels: ['walk_in'],
      prices: [
        {
          roomTypeId: '0192f000-0000-7000-8000-000000000099',
          startDate: '2026-12-01',
          endDate: '2026-12-31',
          weekdays: 127,
          priceFen: 1,
        },
      ],
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(await desk.call('ratePlans.list')).toEqual([plan]);
  });

  it('refuse a code another plan uses, and a price that ends before it starts', async () => {
    await desk.call('ratePlans.save', { code: 'BAR', name: '门市价', channels: ['walk_in'], prices: [] });
    expect(await desk.fail('ratePlans.save', { code: 'bar', name: '另一个', channels: ['ota'], prices: [] })).toEqual({
      code: 'CODE_TAKEN',
      params: { code: 'BAR' },
    });
    const type = await deluxe();
    const backwards = await desk.fail('ratePlans.save', {
      code: 'PKG',
      name: '套餐',
      channels: ['ota'],
      prices: [{ roomTypeId: type.id, startDate: '2026-12-31', endDate: '2026-12-01', weekdays: 127, priceFen: 1 }],
    });
    expect(backwards).toMatchObject({ code: 'INPUT_INVALID', fields: ['prices.0.endDate'] });
    expect(await rows('rate_plan')).toHaveLength(1);
  });
});

describe('closed dates', () => {
  it('are closed with a reason, listed in date order, re-reasoned and reopened', async () => {
    expect(await desk.call('closedDates.set', { date: '2027-02-10', closed: true, reason: '春节包场' })).toEqual([
      { date: '2027-02-10', reason: '春节包场' },
    ]);
    await desk.call('closedDates.set', { date: '2026-12-24', closed: true, reason: '设备检修' });
    expect(await desk.call('closedDates.set', { date: '2027-02-10', closed: true, reason: '春节团体包场' })).toEqual([
      { date: '2026-12-24', reason: '设备检修' },
      { date: '2027-02-10', reason: '春节团体包场' },
    ]);
    expect(await desk.call('closedDates.set', { date: '2026-12-24', closed: false })).toEqual([
      { date: '2027-02-10', reason: '春节团体包场' },
    ]);
    expect(await desk.call('closedDates.list')).toEqual([{ date: '2027-02-10', reason: '春节团体包场' }]);

    const entries = await auditOf('closedDates.set');
    expect(entries.map((e) => [e.entity_id, e.detail.before, e.detail.after])).toEqual([
      ['2027-02-10', { closed: false }, { closed: true, reason: '春节包场' }],
      ['2026-12-24', { closed: false }, { closed: true, reason: '设备检修' }],
      ['2027-02-10', { closed: true, reason: '春节包场' }, { closed: true, reason: '春节团体包场' }],
      ['2026-12-24', { closed: true, reason: '设备检修' }, { closed: false }],
    ]);
  });

  it('an agent cannot close a date', async () => {
    await signIn(desk, 'lina');
    expect((await desk.fail('closedDates.set', { date: '2026-12-24', closed: true })).code).toBe('PERMISSION_DENIED');
    expect(await desk.call('closedDates.list')).toEqual([]);
  });
});
