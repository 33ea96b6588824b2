import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
});
afterEach(() => desk.close());

describe('guest profiles', () => {
  it('warns of a duplicate phone or ID number and creates only when told to', async () => {
    const before = await desk.counts();
    expect(await desk.fail('guests.create', { name: '王 芳', phone: '13812345678' })).toMatchObject({
      code: 'DUPLICATE_GUEST',
      params: { name: '王芳' },
    });
    expect(
      await desk.fail('guests.create', { name: '另一人', idType: 'id_card', idNumber: '330102199001011234' }),
    ).toMatchObject({ code: 'DUPLICATE_GUEST' });
    expect(await desk.counts()).toEqual(before);
    expect((await desk.call('guests.duplicates', { phone: '13812345678' })).map((g) => g.name)).toEqual(['王芳']);
    const twin = await desk.call('guests.create', { name: '王芳', phone: '13812345678', allowDuplicate: true });
    expect(twin.customerNo).toMatch(new RegExp(`^C${desk.services.device.code}\\d{6}$`));
  });

  it('gives a walk-in a temporary profile with just a name', async () => {
    const walkIn = await desk.call('guests.create', { name: '赵先生', temporary: true });
    expect(walkIn).toMatchObject({ name: '赵先生', temporary: true, phone: null, segment: 'leisure', stays: [] });
  });

  it('masks the ID number on the profile and audits every full showing', async () => {
    const profile = await desk.call('guests.get', { id: hotel.guest });
    expect(profile.idNumber).toBe('330***********1234');
    expect((await desk.fail('guests.revealId', { id: hotel.guest })).code).toBe('PERMISSION_DENIED');
    await signIn(desk, 'chen');
    expect(await desk.call('guests.revealId', { id: hotel.guest })).toEqual({ idNumber: '330102199001011234' });
    const shown = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'guests.revealId')
      .where('outcome', '=', 'ok')
      .execute();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.actor_name).toBe('chen');
    const created = await desk.services.db
      .selectFrom('audit_log')
      .select('detail_json')
      .where('operation', '=', 'guests.create')
      .execute();
    expect(created.map((e) => e.detail_json).join()).not.toContain('330102199001011234');
  });

  it('keeps the ID number on file when an edit leaves it out, and replaces it when one is given', async () => {
    const edit = {
      id: hotel.guest,
      name: '王芳',
      phone: '13812345678',
      idType: 'id_card' as const,
      segment: 'business' as const,
    };
    await desk.call('guests.update', edit);
    await signIn(desk, 'chen');
    expect(await desk.call('guests.revealId', { id: hotel.guest })).toEqual({ idNumber: '330102199001011234' });
    await desk.call('guests.update', { ...edit, idNumber: 'e99887766' });
    expect(await desk.call('guests.revealId', { id: hotel.guest })).toEqual({ idNumber: 'E99887766' });
  });

  it('keeps the stay history on the profile', async () => {
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      adults: 1,
    });
    const profile = await desk.call('guests.get', { id: hotel.guest });
    expect(profile.stays.map((s) => s.number)).toEqual([booking.number]);
  });
});

describe('the guest list', () => {
  it('pages beyond its first rows in customer-number order, and refuses a negative offset', async () => {
    for (let i = 1; i <= 5; i++) await desk.call('guests.create', { name: `翻页客人${i}` });
    const page = (offset: number) => desk.call('guests.search', { query: '翻页客人', limit: 2, offset });
    const names = async (offset: number) => (await page(offset)).map((g) => g.name);
    expect(await names(0)).toEqual(['翻页客人1', '翻页客人2']);
    expect(await names(2)).toEqual(['翻页客人3', '翻页客人4']);
    expect(await names(4)).toEqual(['翻页客人5']);
    expect(await names(6)).toEqual([]);
    expect(await desk.fail('guests.search', { query: '', offset: -1 })).toMatchObject({ code: 'INPUT_INVALID' });
  });
});

describe('the desk search box', () => {
  beforeEach(async () => {
    for (const [name, phone, idNumber] of [
      ['王芳芳', '13900001111', null],
      ['李王芳', '13700002222', null],
      ['欧阳修', '13600003333', 'E12345678'],
    ] as const) {
      await desk.call('guests.create', { name, phone, idType: idNumber ? 'passport' : null, idNumber });
    }
  });

  const names = async (q: string) => (await desk.call('search.quick', { q })).guests.map((g) => g.name).sort();

  it.each([
    ['王芳', ['王芳', '王芳芳']],
    ['王', ['王芳', '王芳芳']],
    ['欧阳修', ['欧阳修']],
    ['王芳芳', ['王芳芳']],
    ['李王芳', ['李王芳']],
    ['2222', ['李王芳']],
    ['13700002222', ['李王芳']],
    ['137 0000-2222', ['李王芳']],
    ['0000222', []],
    ['e12345678', ['欧阳修']],
    ['E1234567', []],
    ['2345678', []],
    ['nobody', []],
  ])('"%s" finds %j', async (q, expected) => {
    expect(await names(q)).toEqual([...expected].sort());
  });

  it('finds a booking by its number and a guest’s bookings by name, with phones masked', async () => {
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      adults: 1,
    });
    expect((await desk.call('search.quick', { q: booking.number.toLowerCase() })).bookings.map((b) => b.id)).toEqual([
      booking.id,
    ]);
    const byName = await desk.call('search.quick', { q: '王芳' });
    expect(byName.bookings.map((b) => b.number)).toEqual([booking.number]);
    expect(byName.guests.find((g) => g.name === '王芳')!.phone).toBe('138****5678');
  });
});
