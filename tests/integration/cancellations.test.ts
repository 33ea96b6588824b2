import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CancellationPolicy } from '@shared/rules/cancellation';
import { ADMIN, closeBusinessDayEarly, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;
let strict: string;

/** 2 hours' grace; from 18:00 the day before arrival the first night; no-show the first night. */
const STRICT: CancellationPolicy = {
  graceHours: 2,
  tiers: [{ from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } }],
  noShow: { kind: 'first_night' },
  nonRefundable: false,
};

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await signIn(desk, ADMIN.username, ADMIN.password);
  strict = (
    await desk.call('ratePlans.save', {
      code: 'STRICT',
      name: '限时取消价',
      channels: ['walk_in', 'phone'],
      prices: [],
      cancellationPolicy: STRICT,
    })
  ).id;
  await signIn(desk, 'lina');
});
afterEach(() => desk.close());

/** A suite booked now (10:00 Shanghai on 26 Nov) for 27–29 Nov under the strict plan, ¥1,200 paid. */
async function strictBooking() {
  const booking = await desk.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival: '2026-11-27',
    departure: '2026-11-29',
    roomTypeId: hotel.suite,
    ratePlanId: strict,
    adults: 2,
  });
  await desk.call('payments.record', { bookingId: booking.id, kind: 'deposit', method: 'card', amountFen: 120_000 });
  return booking;
}

async function rows(table: 'booking_night' | 'cancellation' | 'payment') {
  return desk.services.db.selectFrom(table).selectAll().execute();
}

describe('cancelling a booking', () => {
  it('keeps the terms the booking was made under, even after the plan changes', async () => {
    const booking = await strictBooking();
    await signIn(desk, ADMIN.username, ADMIN.password);
    await desk.call('ratePlans.save', {
      id: strict,
      code: 'STRICT',
      name: '限时取消价',
      channels: ['walk_in', 'phone'],
      prices: [],
      cancellationPolicy: { ...STRICT, nonRefundable: true },
    });
    expect((await desk.call('bookings.get', { id: booking.id })).cancellationPolicy).toEqual(STRICT);
  });

  it('is free inside the grace period: the room goes back and the deposit is refunded, in one transaction', async () => {
    const booking = await strictBooking();
    expect(await desk.call('bookings.cancellationQuote', { id: booking.id })).toEqual({
      freeUntil: '2026-11-26T10:00:00.000Z',
      penaltyFen: 0,
      refundFen: 120_000,
      paidFen: 120_000,
      rule: 'grace',
    });
    const cancelled = await desk.call('bookings.cancel', {
      id: booking.id,
      reason: 'change_of_plans',
      note: '行程取消',
      refundMethod: 'card',
    });
    expect(cancelled).toMatchObject({
      number: expect.stringMatching(/^X261126-/),
      penaltyFen: 0,
      refundFen: 120_000,
      rule: 'grace',
      subject: { type: 'booking', number: booking.number, guestName: '王芳' },
    });
    expect((await rows('booking_night')).filter((n) => n.booking_id === booking.id)).toEqual([]);
    const after = await desk.call('bookings.get', { id: booking.id });
    expect(after).toMatchObject({ status: 'cancelled', totalFen: 0, paidFen: 0, balanceFen: 0 });
    expect(after.payments.map((p) => [p.kind, p.amountFen])).toEqual([
      ['deposit', 120_000],
      ['refund', -120_000],
    ]);
    expect(
      (await desk.call('bookings.quote', { arrival: '2026-11-27', departure: '2026-11-29', roomTypeId: hotel.suite }))
        .available,
    ).toBe(true);
  });

  it('charges the first night after 18:00 the day before, and a supervisor waives half of it through an approval', async () => {
    const booking = await strictBooking();
    desk.clock.advanceMinutes(8 * 60); // 18:00 in Shanghai on 26 Nov
    await signIn(desk, 'lina');
    const quote = await desk.call('bookings.cancellationQuote', { id: booking.id });
    expect(quote).toMatchObject({ penaltyFen: 120_000, refundFen: 0, rule: 'tier' });
    const cancelled = await desk.call('bookings.cancel', {
      id: booking.id,
      reason: 'guest_request',
      note: '',
      refundMethod: 'card',
    });
    expect(cancelled).toMatchObject({ penaltyFen: 120_000, refundFen: 0 });

    const waiver = { cancellationId: cancelled.id, penaltyFen: 60_000, reason: '老客户，减半' };
    expect(await desk.fail('cancellations.waive', waiver)).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 0 },
    });
    const request = await desk.call('approvals.request', {
      operation: 'cancellations.waive',
      input: waiver,
      reason: '老客户',
    });
    expect(request.amountFen).toBe(60_000);
    await desk.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    const [record] = await desk.call('cancellations.list', { from: '2026-11-26', to: '2026-11-26' });
    expect(record).toMatchObject({ penaltyFen: 60_000, waivedFen: 60_000, refundFen: 60_000 });
    const after = await desk.call('bookings.get', { id: booking.id });
    expect(after).toMatchObject({ totalFen: 60_000, paidFen: 60_000, balanceFen: 0 });
  });

  it('refuses to cancel a stay already in house, and changes nothing', async () => {
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.suite,
      adults: 1,
    });
    await desk.call('frontDesk.checkIn', { bookingId: booking.id, roomId: hotel.rooms['501']! });
    const before = {
      nights: (await rows('booking_night')).length,
      cancellations: (await rows('cancellation')).length,
      payments: (await rows('payment')).length,
    };
    expect(
      await desk.fail('bookings.cancel', { id: booking.id, reason: 'guest_request', refundMethod: 'cash' }),
    ).toEqual({ code: 'BOOKING_STATE' });
    expect(
      await desk.fail('bookings.cancel', { id: booking.id, reason: 'no_reason_given', refundMethod: 'cash' }),
    ).toMatchObject({ code: 'INPUT_INVALID', fields: ['reason'] });
    expect({
      nights: (await rows('booking_night')).length,
      cancellations: (await rows('cancellation')).length,
      payments: (await rows('payment')).length,
    }).toEqual(before);
  });

  it('charges the no-show penalty at the night audit', async () => {
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-26',
      departure: '2026-11-28',
      roomTypeId: hotel.suite,
      ratePlanId: strict,
      adults: 1,
    });
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    expect(await desk.call('bookings.get', { id: booking.id })).toMatchObject({
      status: 'no_show',
      totalFen: 120_000,
      balanceFen: 120_000,
    });
    const [record] = await desk.call('cancellations.list', { by: 'arrival', from: '2026-11-26', to: '2026-11-26' });
    expect(record).toMatchObject({ reason: 'no_show', rule: 'no_show', penaltyFen: 120_000, refundMethod: null });
  });
});

describe('cancelling tickets', () => {
  it('gives the places back to the slot and refunds by the product’s terms', async () => {
    await signIn(desk, ADMIN.username, ADMIN.password);
    const product = await desk.call('ticketProducts.save', {
      code: 'BOAT',
      name: '游船',
      priceFen: 5_000,
      slots: [{ startTime: '16:00', endTime: '17:00', capacity: 2 }],
      cancellationPolicy: {
        graceHours: null,
        tiers: [{ from: { kind: 'minutes_before', minutes: 10 }, penalty: { kind: 'percent', percent: 100 } }],
        noShow: { kind: 'percent', percent: 100 },
        nonRefundable: false,
      },
    });
    await signIn(desk, 'lina');
    const visitors = [
      { name: '王芳', idType: 'id_card' as const, idNumber: '110101199003071234' },
      { name: '李伟', idType: 'id_card' as const, idNumber: '110101199003075678' },
    ];
    const order = await desk.call('tickets.sell', {
      productId: product.id,
      slotId: product.slots[0]!.id,
      visitDate: '2026-11-26',
      visitors,
    });
    expect(
      (await desk.call('tickets.availability', { productId: product.id, visitDate: '2026-11-26' }))[0]!.available,
    ).toBe(0);
    const cancelled = await desk.call('tickets.cancel', {
      orderId: order.id,
      reason: 'weather',
      note: '大风停航',
      refundMethod: 'wechat',
    });
    expect(cancelled).toMatchObject({
      penaltyFen: 0,
      refundFen: 10_000,
      subject: { type: 'ticket_order', guestName: '王芳' },
    });
    expect(
      (await desk.call('tickets.availability', { productId: product.id, visitDate: '2026-11-26' }))[0]!.available,
    ).toBe(2);
    expect(
      (await desk.fail('tickets.cancel', { orderId: order.id, reason: 'weather', refundMethod: 'wechat' })).code,
    ).toBe('BOOKING_STATE');
  });
});
