import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBusinessDayEarly, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;
let memberId: string;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  const member = await desk.call('members.enrol', {
    guestId: hotel.guest,
    cardNo: 'VIP-8888',
    birthday: '1990-11-28',
  });
  memberId = member.id;
});
afterEach(() => desk.close());

async function stay(nights: number, roomTypeId = hotel.suite) {
  return desk.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival: '2026-11-26',
    departure: `2026-11-${26 + nights}`,
    roomTypeId,
    adults: 1,
  });
}

async function checkInPayAndOut(bookingId: string) {
  await desk.call('frontDesk.checkIn', { bookingId, roomId: hotel.rooms['501']! });
  const { balanceFen } = await desk.call('bookings.get', { id: bookingId });
  if (balanceFen > 0)
    await desk.call('payments.record', { bookingId, kind: 'payment', method: 'cash', amountFen: balanceFen });
  await signIn(desk, 'chen');
  await closeBusinessDayEarly(desk);
  await signIn(desk, 'lina');
  return desk.call('frontDesk.checkOut', { bookingId });
}

describe('membership', () => {
  it('enrols a guest once, with a member number made at this desk and a card to look up', async () => {
    const member = await desk.call('members.lookup', { number: 'vip-8888' });
    expect(member).toMatchObject({
      memberNo: expect.stringMatching(new RegExp(`^M${desk.services.device.code}\\d{6}$`)),
      tier: { code: 'standard', name: '普通' },
      balance: 0,
      joinedOn: '2026-11-26',
    });
    expect(await desk.fail('members.enrol', { guestId: hotel.guest })).toEqual({
      code: 'ALREADY_MEMBER',
      params: { memberNo: member.memberNo },
    });
    expect(
      await desk.call('members.forGuest', {
        guestId: (await desk.call('guests.create', { name: '路人', temporary: true })).id,
      }),
    ).toBeNull();
  });
});

describe('the points ledger', () => {
  it('earns on check-out by room spend, and lifts the tier when the stay qualifies', async () => {
    const booking = await stay(1);
    await checkInPayAndOut(booking.id);
    const member = await desk.call('members.get', { id: memberId });
    expect(member.balance).toBe(1_200);
    expect(member.qualifying).toMatchObject({ spendFen: 120_000, nights: 1 });
    const [earned] = await desk.call('members.ledger', { memberId });
    expect(earned).toMatchObject({
      kind: 'earn',
      points: 1_200,
      bookingNumber: booking.number,
      status: 'posted',
      expiresOn: '2028-11-27',
    });
  });

  it('checks a redemption at booking against the balance, refuses an over-redemption, and keeps the balance derived', async () => {
    const adjust = { memberId, points: 5_000, note: '开业赠送' };
    expect(await desk.fail('members.adjust', adjust)).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 1 },
    });
    const request = await desk.call('approvals.request', {
      operation: 'members.adjust',
      input: adjust,
      reason: '开业活动',
    });
    await desk.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    expect((await desk.call('members.get', { id: memberId })).balance).toBe(5_000);

    const booking = await stay(2);
    const check = await desk.call('members.pointsCheck', { memberId, arrival: booking.arrival });
    expect(check).toMatchObject({ redeemable: 5_000, pointValueFen: 1 });
    const before = await desk.counts();
    expect(await desk.fail('members.redeem', { memberId, bookingId: booking.id, points: 5_001 })).toEqual({
      code: 'POINTS_INSUFFICIENT',
      params: { available: 5_000 },
    });
    expect(await desk.counts()).toEqual(before);

    const redeemed = await desk.call('members.redeem', { memberId, bookingId: booking.id, points: 3_000 });
    expect(redeemed).toMatchObject({ kind: 'redeem', points: -3_000, status: 'pending' });
    expect(await desk.call('bookings.get', { id: booking.id })).toMatchObject({
      totalFen: 240_000,
      paidFen: 3_000,
      balanceFen: 237_000,
    });
    expect(await desk.call('members.get', { id: memberId })).toMatchObject({ balance: 2_000, pendingRedeemed: 3_000 });

    // Cancelling gives the points back and takes their payment off the folio.
    await desk.call('bookings.cancel', { id: booking.id, reason: 'guest_request', refundMethod: 'cash' });
    expect((await desk.call('members.get', { id: memberId })).balance).toBe(5_000);
    expect((await desk.call('bookings.get', { id: booking.id })).paidFen).toBe(0);
  });

  it('lets points lapse oldest first at the night audit, and never counts them for a stay after they lapse', async () => {
    const rows = desk.services.sqlite
      .prepare(`INSERT INTO points_entry (id, member_id, kind, points, earned_on, expires_on, note, status, desk_id, staff_id, staff_name, created_at)
      VALUES (?, ?, 'earn', ?, ?, ?, '', 'posted', 'd', 's', 's', ?)`);
    rows.run(
      '0192f000-0000-7000-8000-0000000000a1',
      memberId,
      800,
      '2024-11-20',
      '2026-11-26',
      '2024-11-20T00:00:00.000Z',
    );
    rows.run(
      '0192f000-0000-7000-8000-0000000000a2',
      memberId,
      400,
      '2025-06-01',
      '2027-06-01',
      '2025-06-01T00:00:00.000Z',
    );
    expect((await desk.call('members.pointsCheck', { memberId, arrival: '2026-11-27' })).redeemable).toBe(400);
    await signIn(desk, 'chen');
    await closeBusinessDayEarly(desk);
    const member = await desk.call('members.get', { id: memberId });
    expect(member.balance).toBe(400);
    expect((await desk.call('members.ledger', { memberId }))[0]).toMatchObject({ kind: 'expire', points: -800 });
  });

  it('is append-only in the database itself', async () => {
    desk.services.sqlite
      .prepare(
        `INSERT INTO points_entry (id, member_id, kind, points, earned_on, note, status, desk_id, staff_id, staff_name, created_at) VALUES ('x', ?, 'adjust', 10, '2026-11-26', '', 'posted', 'd', 's', 's', '2026-11-26')`,
      )
      .run(memberId);
    expect(() => desk.services.sqlite.prepare("UPDATE points_entry SET points = 1000 WHERE id = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => desk.services.sqlite.prepare("DELETE FROM points_entry WHERE id = 'x'").run()).toThrow(/append-only/);
    desk.services.sqlite.prepare("UPDATE points_entry SET status = 'posted', server_version = 7 WHERE id = 'x'").run();
  });

  it('stops redemptions at the per-desk cap of unsynced points', async () => {
    desk.services.sqlite
      .prepare(
        `UPDATE setting SET value_json = json_set(value_json, '$.offlineRedeemCapPoints', 1000) WHERE key = 'members.policy'`,
      )
      .run();
    desk.services.sqlite
      .prepare(
        `INSERT INTO points_entry (id, member_id, kind, points, earned_on, expires_on, note, status, desk_id, staff_id, staff_name, created_at) VALUES ('g', ?, 'earn', 5000, '2026-11-01', '2028-11-01', '', 'posted', 'd', 's', 's', '2026-11-01')`,
      )
      .run(memberId);
    const booking = await stay(1);
    await desk.call('members.redeem', { memberId, bookingId: booking.id, points: 800 });
    expect(await desk.fail('members.redeem', { memberId, bookingId: booking.id, points: 201 })).toEqual({
      code: 'POINTS_OFFLINE_CAP',
      params: { cap: 1000 },
    });
  });
});

describe('tiers and care', () => {
  it('re-evaluates yearly and may lower a tier that the last twelve months no longer earn', async () => {
    desk.services.sqlite.prepare("UPDATE member SET tier_code = 'gold' WHERE id = ?").run(memberId);
    await signIn(desk, 'chen');
    const { changed } = await desk.call('members.reevaluate');
    expect(changed).toEqual([{ memberNo: expect.any(String), from: 'gold', to: 'standard' }]);
  });

  it('lists this week’s birthdays as tasks an agent ticks off', async () => {
    const [task] = await desk.call('members.care');
    expect(task).toMatchObject({ kind: 'birthday', period: '2026-W48', detail: '11-28', doneAt: null });
    const done = await desk.call('members.tickCare', { memberId, kind: 'birthday', period: '2026-W48' });
    expect(done.doneBy).toBe('lina');
  });
});
