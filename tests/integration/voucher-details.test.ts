/**
 * What the voucher prints beyond the booking: English names of room types and rate plans, the
 * property's address and phone, and its check-in and check-out times, each saved by an admin
 * through the desk's own write rules (a write outside them would stop the save).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, openDesk, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;

beforeEach(async () => {
  desk = await openDesk();
  await setUpDesk(desk);
  await addStaff(desk, 'lina', 'agent');
});
afterEach(() => desk.close());

const deluxe = { code: 'DLX', name: '豪华大床房', capacity: 2, baseRateFen: 68_800 };

async function propertySettings() {
  const { property } = (await desk.call('auth.session'))!;
  return property;
}

describe('English names', () => {
  it('a room type keeps its English name, trimmed; a blank one is no name (the Chinese one is used)', async () => {
    const type = await desk.call('roomTypes.save', { ...deluxe, nameEn: '  Deluxe King ' });
    expect(type.nameEn).toBe('Deluxe King');
    expect((await desk.call('roomTypes.list'))[0]!.nameEn).toBe('Deluxe King');
    const row = await desk.services.db.selectFrom('room_type').select('name_en').executeTakeFirstOrThrow();
    expect(row.name_en).toBe('Deluxe King');

    expect((await desk.call('roomTypes.save', { ...deluxe, id: type.id, nameEn: '  ' })).nameEn).toBeNull();
    // Left out (an older form), it is cleared too: the form always sends what it shows.
    expect((await desk.call('roomTypes.save', { ...deluxe, id: type.id })).nameEn).toBeNull();
  });

  it('a rate plan keeps its English name; one too long is refused and nothing changes', async () => {
    const plan = await desk.call('ratePlans.save', {
      code: 'BAR',
      name: '门市价',
      nameEn: 'Best available rate',
      channels: ['walk_in'],
      prices: [],
    });
    expect(plan.nameEn).toBe('Best available rate');
    expect((await desk.call('ratePlans.list'))[0]!.nameEn).toBe('Best available rate');
    const failure = await desk.fail('ratePlans.save', {
      id: plan.id,
      code: 'BAR',
      name: '门市价',
      nameEn: 'x'.repeat(61),
      channels: ['walk_in'],
      prices: [],
    });
    expect(failure.code).toBe('INPUT_INVALID');
    expect((await desk.call('ratePlans.list'))[0]!.nameEn).toBe('Best available rate');
  });
});

describe('the property on the voucher', () => {
  it('has no address or phone until set, and the default stay times (14:00 and 12:00)', async () => {
    expect(await propertySettings()).toMatchObject({
      address: null,
      phone: null,
      checkInTime: '14:00',
      checkOutTime: '12:00',
    });
  });

  it('an admin saves the address, phone and stay times; they are in the session and synced settings', async () => {
    const before = await propertySettings();
    const saved = await desk.call('property.update', {
      name: before.name,
      timeZone: before.timeZone,
      currency: before.currency,
      idleLockMinutes: before.idleLockMinutes,
      maxStayNights: before.maxStayNights,
      address: ' 杭州市西湖区北山街 88 号 ',
      phone: '0571-8888 6666',
      checkInTime: '15:00',
      checkOutTime: '11:30',
    });
    expect(saved).toMatchObject({
      address: '杭州市西湖区北山街 88 号',
      phone: '0571-8888 6666',
      checkInTime: '15:00',
      checkOutTime: '11:30',
    });
    expect(await propertySettings()).toEqual(saved);
    const settings = await desk.services.db
      .selectFrom('setting')
      .select(['key', 'value_json'])
      .where('key', 'in', ['checkInTime', 'checkOutTime'])
      .orderBy('key')
      .execute();
    expect(settings).toEqual([
      { key: 'checkInTime', value_json: '"15:00"' },
      { key: 'checkOutTime', value_json: '"11:30"' },
    ]);
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .select('name')
      .where('name', '=', 'property.update')
      .execute();
    expect(outbox).toHaveLength(1);

    // Leaving the times out keeps them; a blank address clears it.
    const again = await desk.call('property.update', {
      name: before.name,
      timeZone: before.timeZone,
      currency: before.currency,
      idleLockMinutes: before.idleLockMinutes,
      maxStayNights: before.maxStayNights,
      address: '',
    });
    expect(again).toMatchObject({
      address: null,
      phone: '0571-8888 6666',
      checkInTime: '15:00',
      checkOutTime: '11:30',
    });
  });

  it('a time that is not a time of day is refused and nothing changes', async () => {
    const before = await propertySettings();
    const failure = await desk.fail('property.update', {
      name: before.name,
      timeZone: before.timeZone,
      currency: before.currency,
      idleLockMinutes: before.idleLockMinutes,
      maxStayNights: before.maxStayNights,
      phone: '0571-1',
      checkOutTime: '24:00',
    });
    expect(failure.code).toBe('INPUT_INVALID');
    expect(await propertySettings()).toEqual(before);
  });

  it('an agent cannot change them', async () => {
    const before = await propertySettings();
    await signIn(desk, 'lina');
    const failure = await desk.fail('property.update', {
      name: before.name,
      timeZone: before.timeZone,
      currency: before.currency,
      idleLockMinutes: before.idleLockMinutes,
      maxStayNights: before.maxStayNights,
      address: '别处',
    });
    expect(failure.code).toBe('PERMISSION_DENIED');
    expect((await propertySettings()).address).toBeNull();
  });
});
