import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBusinessDayEarly, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
});
afterEach(() => desk.close());

/** The business date on the test clock (10:00 in Shanghai on 2026-11-26, a Thursday). */
const TODAY = '2026-11-26';

function suiteBooking(guestId: string, arrival = TODAY, departure = '2026-11-28') {
  return { guestId, channel: 'walk_in' as const, arrival, departure, roomTypeId: hotel.suite, adults: 2 };
}

async function tableCounts() {
  const count = async (
    table: 'booking' | 'booking_night' | 'booking_change' | 'number_sequence' | 'outbox' | 'audit_log',
  ) =>
    (
      await desk.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    booking: await count('booking'),
    nights: await count('booking_night'),
    changes: await count('booking_change'),
    sequences: await count('number_sequence'),
    outbox: await count('outbox'),
    audit: await count('audit_log'),
  };
}

describe('booking intake', () => {
  it('prices a stay night by night under the rate plan and numbers the booking at once', async () => {
    const quote = await desk.call('bookings.quote', {
      arrival: TODAY,
      departure: '2026-11-29',
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
    });
    expect(quote).toEqual({
      nights: [
        { night: '2026-11-26', priceFen: 40_000 },
        { night: '2026-11-27', priceFen: 58_800 },
        { night: '2026-11-28', priceFen: 58_800 },
      ],
      totalFen: 157_600,
      available: true,
      soldOutNight: null,
    });
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: TODAY,
      departure: '2026-11-29',
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
      adults: 1,
    });
    expect(booking).toMatchObject({
      status: 'confirmed',
      totalFen: 157_600,
      balanceFen: 157_600,
      guest: { name: '王芳' },
      roomType: { name: '标准间' },
    });
    expect(booking.number).toBe(`B261126-${desk.services.device.code}-001`);
    const second = await desk.call('bookings.create', { ...suiteBooking(hotel.guest), channel: 'phone' });
    expect(second.number).toBe(`B261126-${desk.services.device.code}-002`);
    expect(booking.changes.map((c) => c.kind)).toEqual(['created']);
  });

  it('sells the last room once: the second booking is refused with BOOKING_SOLD_OUT and nothing is written', async () => {
    await desk.call('bookings.create', suiteBooking(hotel.guest));
    const before = await tableCounts();
    expect(await desk.fail('bookings.create', suiteBooking(hotel.guest, '2026-11-27', '2026-11-30'))).toEqual({
      code: 'BOOKING_SOLD_OUT',
      params: { night: '2026-11-27' },
    });
    expect(await tableCounts()).toEqual(before);
    // The night after the first stay is still free.
    await desk.call('bookings.create', suiteBooking(hotel.guest, '2026-11-28', '2026-11-29'));
  });

  it('sells beyond inventory only through a supervisor approval', async () => {
    await desk.call('bookings.create', suiteBooking(hotel.guest));
    expect(await desk.fail('bookings.overbook', suiteBooking(hotel.guest))).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 0 },
    });
    const request = await desk.call('approvals.request', {
      operation: 'bookings.overbook',
      input: suiteBooking(hotel.guest),
      reason: '团队客人坚持入住',
    });
    const approved = await desk.call('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'chen',
      password: 'chen-pass-1',
    });
    expect(approved.status).toBe('executed');
    const grid = await desk.call('availability.grid', { from: TODAY, nights: 2 });
    expect(grid.find((row) => row.roomTypeId === hotel.suite)!.cells.map((c) => [c.sold, c.available])).toEqual([
      [2, 0],
      [2, 0],
    ]);
  });

  it('refuses a closed date, a past arrival and more guests than the room holds', async () => {
    await signIn(desk, 'admin', 'admin-pass-1');
    await desk.call('closedDates.set', { date: '2026-11-27', closed: true, reason: '封湖维修' });
    await signIn(desk, 'lina');
    expect(await desk.fail('bookings.create', suiteBooking(hotel.guest))).toEqual({
      code: 'DATE_CLOSED',
      params: { date: '2026-11-27' },
    });
    expect(await desk.fail('bookings.create', suiteBooking(hotel.guest, '2026-11-25', '2026-11-26'))).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['arrival'],
    });
    expect(
      await desk.fail('bookings.create', { ...suiteBooking(hotel.guest, '2026-11-28', '2026-11-29'), adults: 3 }),
    ).toEqual({ code: 'CAPACITY_EXCEEDED', params: { capacity: 2 } });
    expect(await desk.fail('bookings.create', suiteBooking(hotel.guest, '2026-11-28', '2026-11-28'))).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['departure'],
    });
  });
});

describe('the stay', () => {
  it('checks in to a suggested clean room, takes payment, checks out and leaves the room dirty', async () => {
    const booking = await desk.call('bookings.create', {
      ...suiteBooking(hotel.guest),
      roomTypeId: hotel.standard,
      departure: '2026-11-27',
    });
    const suggested = await desk.call('frontDesk.suggestRooms', { bookingId: booking.id });
    expect(suggested.map((r) => r.number)).toEqual(['301', '302']);
    const inHouse = await desk.call('frontDesk.checkIn', { bookingId: booking.id, roomId: hotel.rooms['301']! });
    expect(inHouse).toMatchObject({ status: 'checked_in', room: { number: '301' } });
    expect((await desk.call('frontDesk.suggestRooms', { bookingId: booking.id })).map((r) => r.number)).toEqual([
      '302',
    ]);
    expect(await desk.fail('frontDesk.checkIn', { bookingId: booking.id, roomId: hotel.rooms['302']! })).toEqual({
      code: 'BOOKING_STATE',
    });

    expect(await desk.fail('frontDesk.checkOut', { bookingId: booking.id })).toEqual({
      code: 'BALANCE_DUE',
      params: { amount: '400.00' },
    });
    const paid = await desk.call('payments.record', {
      bookingId: booking.id,
      kind: 'payment',
      method: 'wechat',
      amountFen: 40_000,
      reference: 'WX123',
    });
    expect(paid.balanceFen).toBe(0);
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    await signIn(desk, 'lina');
    const out = await desk.call('frontDesk.checkOut', { bookingId: booking.id });
    expect(out.status).toBe('checked_out');
    const board = await desk.call('housekeeping.board');
    expect(board.find((r) => r.number === '301')).toMatchObject({ status: 'vacant_dirty', guestName: null });
    await desk.call('housekeeping.setStatus', { roomId: hotel.rooms['301']!, status: 'vacant_clean' });
    expect(await desk.fail('housekeeping.setStatus', { roomId: hotel.rooms['301']!, status: 'occupied' })).toEqual({
      code: 'ROOM_STATUS',
    });
  });

  it('charges an early departure for the nights slept and gives the rest back to inventory', async () => {
    const booking = await desk.call('bookings.create', suiteBooking(hotel.guest, TODAY, '2026-11-29'));
    await desk.call('frontDesk.checkIn', { bookingId: booking.id, roomId: hotel.rooms['501']! });
    await desk.call('payments.record', { bookingId: booking.id, kind: 'deposit', method: 'card', amountFen: 120_000 });
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    await signIn(desk, 'lina');
    const out = await desk.call('frontDesk.checkOut', { bookingId: booking.id });
    expect(out).toMatchObject({ departure: '2026-11-27', totalFen: 120_000, balanceFen: 0 });
    expect(out.changes.map((c) => c.kind)).toEqual(['created', 'checked_in', 'early_departure', 'checked_out']);
    expect(
      (await desk.call('bookings.quote', { arrival: '2026-11-27', departure: '2026-11-29', roomTypeId: hotel.suite }))
        .available,
    ).toBe(true);
  });

  it('marks unarrived bookings no-show at the night audit and rolls the business date', async () => {
    const booking = await desk.call('bookings.create', suiteBooking(hotel.guest));
    await signIn(desk, 'chen');
    // At 10:00 the business date's day has not ended: a supervisor closes it early (tests/integration/night-audit.test.ts has the audit after midnight).
    expect(await desk.call('nightAudit.roll', { closingDate: TODAY, earlyClose: true })).toEqual({
      closedDate: TODAY,
      businessDate: '2026-11-27',
      noShows: [booking.number],
      earlyClose: true,
    });
    expect((await desk.call('bookings.get', { id: booking.id })).status).toBe('no_show');
    expect((await desk.call('bookings.day')).businessDate).toBe('2026-11-27');
    expect(
      (await desk.call('bookings.quote', { arrival: '2026-11-27', departure: '2026-11-28', roomTypeId: hotel.suite }))
        .available,
    ).toBe(true);
  });

  it('sells stays up to the property’s longest stay and refuses one night more, whole, in quote, create and change (STAY_TOO_LONG)', async () => {
    const arrival = '2026-12-05';
    const longest = '2027-03-05'; // 90 nights
    const tooLong = '2027-03-06'; // 91 nights
    const stay = (departure: string) => ({
      ...suiteBooking(hotel.guest, arrival, departure),
      roomTypeId: hotel.standard,
    });
    const refusal = { code: 'STAY_TOO_LONG', params: { max: 90 }, fields: ['departure'] };

    expect(
      (await desk.call('bookings.quote', { arrival, departure: longest, roomTypeId: hotel.standard })).nights,
    ).toHaveLength(90);
    expect(await desk.fail('bookings.quote', { arrival, departure: tooLong, roomTypeId: hotel.standard })).toEqual(
      refusal,
    );
    // The stay of the defect: 95 nights were once cut to 91 and sold so.
    expect(await desk.fail('bookings.quote', { arrival, departure: '2027-03-10', roomTypeId: hotel.standard })).toEqual(
      refusal,
    );

    const before = await tableCounts();
    expect(await desk.fail('bookings.create', stay(tooLong))).toEqual(refusal);
    expect(await tableCounts()).toEqual(before);
    const booking = await desk.call('bookings.create', stay(longest));
    expect(booking.nights).toHaveLength(90);

    const change = {
      id: booking.id,
      arrival,
      departure: tooLong,
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 2,
      children: 0,
      specialRequests: '',
      authorisation: { method: 'message' as const, reference: '微信 17' },
    };
    const unchanged = await tableCounts();
    expect(await desk.fail('bookings.change', change)).toEqual(refusal);
    expect(await tableCounts()).toEqual(unchanged);
    expect((await desk.call('bookings.get', { id: booking.id })).departure).toBe(longest);

    // An admin sells longer stays by raising the setting.
    await signIn(desk, 'admin', 'admin-pass-1');
    const property = (await desk.call('auth.session'))!.property;
    expect(property.maxStayNights).toBe(90);
    await desk.call('property.update', {
      name: property.name,
      timeZone: property.timeZone,
      currency: property.currency,
      idleLockMinutes: property.idleLockMinutes,
      maxStayNights: 91,
    });
    expect((await desk.call('bookings.change', change)).nights).toHaveLength(91);
  });

  it('keeps each change with the customer’s written authorisation', async () => {
    const booking = await desk.call('bookings.create', {
      ...suiteBooking(hotel.guest, '2026-11-27', '2026-11-28'),
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
    });
    const changed = await desk.call('bookings.change', {
      id: booking.id,
      arrival: '2026-11-27',
      departure: '2026-11-30',
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
      adults: 2,
      children: 0,
      specialRequests: '高楼层',
      authorisation: { method: 'signed_form', reference: '变更单 0042' },
    });
    expect(changed.totalFen).toBe(58_800 + 58_800 + 40_000);
    expect(changed.changes.at(-1)).toMatchObject({
      kind: 'changed',
      authMethod: 'signed_form',
      authRef: '变更单 0042',
      staffName: 'lina',
      after: expect.objectContaining({ departure: '2026-11-30' }),
    });
  });

  it('holds an urgent change — the guest arrives today — for a supervisor', async () => {
    const booking = await desk.call('bookings.create', { ...suiteBooking(hotel.guest), roomTypeId: hotel.standard });
    const change = {
      id: booking.id,
      arrival: TODAY,
      departure: '2026-11-29',
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '',
      authorisation: { method: 'message' as const, reference: '微信 14:02' },
    };
    expect(await desk.fail('bookings.change', change)).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 0 },
    });
    const request = await desk.call('approvals.request', {
      operation: 'bookings.change',
      input: change,
      reason: '客人临时延住',
    });
    await desk.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    expect((await desk.call('bookings.get', { id: booking.id })).departure).toBe('2026-11-29');
  });

  it('sends a price override to the approver its discount calls for', async () => {
    const booking = await desk.call('bookings.create', suiteBooking(hotel.guest));
    const input = {
      id: booking.id,
      nightlyFen: 100_000,
      authorisation: { method: 'in_person' as const, reference: '老客户' },
    };
    expect(await desk.fail('bookings.overridePrice', input)).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 0 },
    });
    const request = await desk.call('approvals.request', {
      operation: 'bookings.overridePrice',
      input,
      reason: '老客户优惠',
    });
    expect(request.amountFen).toBe(40_000);
    await signIn(desk, 'chen');
    await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' });
    expect((await desk.call('bookings.get', { id: booking.id })).totalFen).toBe(200_000);
  });
});
