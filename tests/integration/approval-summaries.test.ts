/**
 * A request carries what its approver needs to judge it: for a price override the guest, the stay,
 * the room type and the price before → after; for a waiver the penalty before → after; for a
 * points adjustment the balance it leaves. Read from the desk's rows, the same before and after
 * the request is decided.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalSummary } from '@shared/contract';
import { APPROVABLE_OPERATIONS } from '../../src-main/services/approvals/held-operations';
import { SUMMARIZED_OPERATIONS } from '../../src-main/services/approvals/held-summaries';
import { ADMIN, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
});
afterEach(() => desk.close());

const TODAY = '2026-11-26';

/** The summary's lines as field → value, the way a test reads them. */
function lines(summary: ApprovalSummary | null) {
  return Object.fromEntries((summary?.lines ?? []).map((line) => [line.field, line.value]));
}

async function suiteForTwoNights() {
  return desk.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'walk_in',
    arrival: TODAY,
    departure: '2026-11-28',
    roomTypeId: hotel.suite,
    adults: 2,
  });
}

describe('what an approver sees of a held operation', () => {
  it('every operation the engine can hold declares a summary', () => {
    expect([...SUMMARIZED_OPERATIONS].sort()).toEqual([...APPROVABLE_OPERATIONS].sort());
  });

  it('a price override shows guest, stay, room type, nightly and total before → after and the difference', async () => {
    const booking = await suiteForTwoNights();
    expect(booking.totalFen).toBe(240_000);
    const input = {
      id: booking.id,
      nightlyFen: 100_000,
      authorisation: { method: 'in_person' as const, reference: '老客户' },
    };
    const expected = {
      guest: { kind: 'text', text: '王芳' },
      booking: { kind: 'text', text: booking.number },
      stay: { kind: 'stay', arrival: TODAY, departure: '2026-11-28', nights: 2 },
      roomType: { kind: 'text', text: '套房' },
      nightly: { kind: 'moneyChange', beforeFen: 120_000, afterFen: 100_000 },
      total: { kind: 'moneyChange', beforeFen: 240_000, afterFen: 200_000 },
      difference: { kind: 'money', fen: -40_000 },
    };

    // At the desk, before the request exists: the dialog's preview.
    const preview = await desk.call('approvals.preview', { operation: 'bookings.overridePrice', input });
    expect(lines(preview)).toEqual(expected);
    expect(preview.link).toEqual({ type: 'booking', id: booking.id });

    const request = await desk.call('approvals.request', {
      operation: 'bookings.overridePrice',
      input,
      reason: '老客户',
    });
    expect(lines(request.summary)).toEqual(expected);

    // The supervisor's queue and the drawer read the same.
    await signIn(desk, 'chen');
    const [queued] = await desk.call('approvals.list', { view: 'toDecide' });
    expect(lines(queued!.summary)).toEqual(expected);
    expect(lines((await desk.call('approvals.get', { requestId: request.id })).summary)).toEqual(expected);

    // Once run the booking holds the new price; the request still shows what it was before.
    await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' });
    expect((await desk.call('bookings.get', { id: booking.id })).totalFen).toBe(200_000);
    const done = await desk.call('approvals.get', { requestId: request.id });
    expect(done.status).toBe('executed');
    expect(lines(done.summary)).toEqual(expected);
  });

  it('a waiver shows the booking, the guest and the penalty before → after, before and after it runs', async () => {
    await signIn(desk, ADMIN.username, ADMIN.password);
    const strict = await desk.call('ratePlans.save', {
      code: 'STRICT',
      name: '限时取消价',
      channels: ['walk_in', 'phone'],
      prices: [],
      cancellationPolicy: {
        graceHours: 0,
        tiers: [{ from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } }],
        noShow: { kind: 'first_night' },
        nonRefundable: false,
      },
    });
    await signIn(desk, 'lina');
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-27',
      departure: '2026-11-29',
      roomTypeId: hotel.suite,
      ratePlanId: strict.id,
      adults: 2,
    });
    desk.clock.advanceMinutes(8 * 60); // 18:00 in Shanghai: the first night is owed
    await signIn(desk, 'lina');
    const cancelled = await desk.call('bookings.cancel', {
      id: booking.id,
      reason: 'guest_request',
      note: '',
      refundMethod: 'card',
    });
    expect(cancelled.penaltyFen).toBe(120_000);
    const input = { cancellationId: cancelled.id, penaltyFen: 30_000, reason: '老客户' };
    const expected = {
      guest: { kind: 'text', text: '王芳' },
      booking: { kind: 'text', text: booking.number },
      cancellation: { kind: 'text', text: cancelled.number },
      penalty: { kind: 'moneyChange', beforeFen: 120_000, afterFen: 30_000 },
      waived: { kind: 'money', fen: 90_000 },
    };
    const request = await desk.call('approvals.request', { operation: 'cancellations.waive', input, reason: '老客户' });
    expect(lines(request.summary)).toEqual(expected);
    expect(request.summary?.link).toEqual({ type: 'booking', id: booking.id });
    const done = await desk.call('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'chen',
      password: 'chen-pass-1',
    });
    expect(done.status).toBe('executed');
    expect(lines(done.summary)).toEqual(expected);
  });

  it('a points adjustment shows the member, the points and the balance it leaves', async () => {
    const member = await desk.call('members.enrol', { guestId: hotel.guest });
    const input = { memberId: member.id, points: 300, note: '补录积分' };
    const preview = await desk.call('approvals.preview', { operation: 'members.adjust', input });
    expect(lines(preview)).toEqual({
      guest: { kind: 'text', text: '王芳' },
      member: { kind: 'text', text: member.memberNo },
      points: { kind: 'points', points: 300 },
      balanceAfter: { kind: 'points', points: 300 },
    });
    expect(preview.link).toEqual({ type: 'guest', id: hotel.guest });
  });

  it('a booking beyond inventory shows guest, stay and room type (with its English name where it has one)', async () => {
    await desk.services.db
      .updateTable('room_type')
      .set({ name_en: 'Standard twin' })
      .where('id', '=', hotel.standard)
      .execute();
    const input = {
      guestId: hotel.guest,
      channel: 'walk_in' as const,
      arrival: TODAY,
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      adults: 1,
    };
    expect(lines(await desk.call('approvals.preview', { operation: 'bookings.overbook', input }))).toEqual({
      guest: { kind: 'text', text: '王芳' },
      stay: { kind: 'stay', arrival: TODAY, departure: '2026-11-27', nights: 1 },
      roomType: { kind: 'text', text: '标准间', en: 'Standard twin' },
    });
  });

  it('an early night audit and a guest export say what they close or take', async () => {
    await signIn(desk, 'chen');
    expect(
      lines(
        await desk.call('approvals.preview', {
          operation: 'nightAudit.roll',
          input: { closingDate: TODAY, earlyClose: true },
        }),
      ),
    ).toEqual({ businessDate: { kind: 'date', date: TODAY } });
    expect(lines(await desk.call('approvals.preview', { operation: 'guests.export', input: { query: '' } }))).toEqual({
      query: { kind: 'everything' },
    });
  });

  it('a preview of what cannot be held, of bad input or of a record that is not there is refused', async () => {
    expect(await desk.fail('approvals.preview', { operation: 'bookings.create', input: {} })).toMatchObject({
      code: 'NOT_APPROVABLE',
    });
    expect(
      (await desk.fail('approvals.preview', { operation: 'bookings.overridePrice', input: { id: 'x' } })).code,
    ).toBe('INPUT_INVALID');
    expect(
      await desk.fail('approvals.preview', {
        operation: 'guests.delete',
        input: { id: '0192f000-0000-7000-8000-0000000000ff' },
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a request whose record is gone (a guest erased) keeps its stored label and has no summary', async () => {
    const guest = await desk.call('guests.create', { name: '李雷', phone: '13900000000' });
    await signIn(desk, ADMIN.username, ADMIN.password);
    const request = await desk.call('approvals.request', {
      operation: 'guests.delete',
      input: { id: guest.id },
      reason: '客人要求注销档案',
    });
    expect(lines(request.summary)).toEqual({ guest: { kind: 'text', text: `李雷 (${guest.customerNo})` } });
    await signIn(desk, 'chen');
    await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' });
    const done = await desk.call('approvals.get', { requestId: request.id });
    expect(done.summary).toBeNull();
    expect(done.subject.label).toContain(guest.customerNo);
  });
});
