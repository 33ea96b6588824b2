/**
 * The stories of issue 18, each played by two real desks and a real server on SQLite and on
 * PostgreSQL: two desks act on one booking (or one member) offline, then sync, and the result must
 * be one that some serial order of their actions could have produced — what the later action can no
 * longer do becomes a work item on every desk (rebase_refused), never a silent drop, and money taken
 * stays recorded.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import type { Desk } from '../integration/desk';
import { propertyId, syncAll, tableRows } from './desks';
import { twoDeskSuite } from './two-desk-suite';
import { serverHoldings } from './invariants';

/** A stay a fortnight out: free to cancel by the default terms, and no night audit in the way. */
const STAY = { channel: 'phone' as const, arrival: '2026-12-10', departure: '2026-12-12', adults: 1 };
const BY_MESSAGE = { method: 'message' as const, reference: '微信确认' };

describe.each(BACKENDS)('serializable sync on %s', { timeout: 60_000 }, (backend) => {
  const suite = twoDeskSuite(backend);
  const { twoDesks, later, refusedWork } = suite;
  const settled = (a: Desk, b: Desk) => suite.settled(a, b);

  async function serverNights(a: Desk, bookingId: string) {
    return (await serverHoldings(suite.server().db, await propertyId(a))).booking_night.filter(
      (night) => night.booking_id === bookingId,
    );
  }

  it('a booking cancelled on desk A and then changed on desk B, which had not heard, stays cancelled once with its refund; B’s change is a work item on both desks', async () => {
    const { a, b, hotel } = await twoDesks();
    const booking = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await a.call('payments.record', { bookingId: booking.id, kind: 'deposit', method: 'cash', amountFen: 30_000 });
    await syncAll(a, b);

    await later(a, 5);
    const cancellation = await a.call('bookings.cancel', {
      id: booking.id,
      reason: 'guest_request',
      refundMethod: 'cash',
    });
    await a.services.sync.syncNow();
    await later(b, 10);
    // B still shows the booking confirmed: the guest asks for a third night.
    await b.call('bookings.change', {
      id: booking.id,
      arrival: STAY.arrival,
      departure: '2026-12-13',
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '',
      authorisation: BY_MESSAGE,
    });
    await syncAll(b, a);

    for (const desk of [a, b]) {
      const seen = await desk.call('bookings.get', { id: booking.id });
      expect(seen).toMatchObject({ status: 'cancelled', departure: STAY.departure });
      expect(seen.changes.map((change) => change.kind)).toEqual(['created', 'cancelled']);
      expect(await tableRows(desk.services.db, 'cancellation')).toEqual([
        expect.objectContaining({ number: cancellation.number, refund_fen: cancellation.refundFen }),
      ]);
      expect(seen.payments.map((p) => p.amountFen).sort((x, y) => x - y)).toEqual(
        [-cancellation.refundFen, 30_000].sort((x, y) => x - y),
      );
      const items = await refusedWork(desk);
      expect(items).toEqual([
        expect.objectContaining({
          subjectType: 'booking',
          subjectId: booking.id,
          status: 'open',
          options: ['acknowledge'],
        }),
      ]);
      expect(items[0]!.detail).toMatchObject({
        operation: 'bookings.change',
        error: 'BOOKING_STATE',
        actor: 'lina',
        desk: b.services.device.code,
      });
    }
    expect(await serverNights(a, booking.id)).toEqual([]);
    await settled(a, b);
  });

  it('a booking moved to other dates on desk A and cancelled from the old view on desk B holds no night anywhere', async () => {
    const { a, b, hotel } = await twoDesks();
    const booking = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);

    await later(a, 5);
    await a.call('bookings.change', {
      id: booking.id,
      arrival: '2026-12-20',
      departure: '2026-12-23',
      roomTypeId: hotel.suite,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '',
      authorisation: BY_MESSAGE,
    });
    await a.services.sync.syncNow();
    await later(b, 10);
    const cancellation = await b.call('bookings.cancel', {
      id: booking.id,
      reason: 'change_of_plans',
      refundMethod: 'cash',
    });
    expect(cancellation.subject.arrival).toBe(STAY.arrival);
    await syncAll(b, a);

    // Serially: moved, then cancelled — the cancellation is run again on the moved booking and releases its new nights.
    for (const desk of [a, b]) {
      expect(await desk.call('bookings.get', { id: booking.id })).toMatchObject({
        status: 'cancelled',
        arrival: '2026-12-20',
        departure: '2026-12-23',
      });
      expect(await desk.services.db.selectFrom('booking_night').selectAll().execute()).toEqual([]);
      expect(await tableRows(desk.services.db, 'cancellation')).toEqual([
        expect.objectContaining({ booking_id: booking.id, arrival: '2026-12-20' }),
      ]);
      expect(await refusedWork(desk)).toEqual([]);
    }
    expect(await serverNights(a, booking.id)).toEqual([]);
    await settled(a, b);
  });

  it('a booking cancelled on desk B from the old view before desk A’s move reaches the server stays cancelled with no night; the move is a work item', async () => {
    const { a, b, hotel } = await twoDesks();
    const booking = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);

    await later(a, 5);
    await a.call('bookings.change', {
      id: booking.id,
      arrival: '2026-12-20',
      departure: '2026-12-23',
      roomTypeId: hotel.suite,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '',
      authorisation: BY_MESSAGE,
    });
    await later(b, 10);
    await b.call('bookings.cancel', { id: booking.id, reason: 'change_of_plans', refundMethod: 'cash' });
    await b.services.sync.syncNow();
    await syncAll(a, b);

    for (const desk of [a, b]) {
      expect(await desk.call('bookings.get', { id: booking.id })).toMatchObject({
        status: 'cancelled',
        arrival: STAY.arrival,
      });
      expect(await desk.services.db.selectFrom('booking_night').selectAll().execute()).toEqual([]);
      const items = await refusedWork(desk);
      expect(items).toHaveLength(1);
      expect(items[0]!.detail).toMatchObject({ operation: 'bookings.change', desk: a.services.device.code });
    }
    expect(await serverNights(a, booking.id)).toEqual([]);
    await settled(a, b);
  });

  it('a booking cancelled on both desks offline has one cancellation number and one refund; the second cancellation is a work item', async () => {
    const { a, b, hotel } = await twoDesks();
    const booking = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await a.call('payments.record', { bookingId: booking.id, kind: 'deposit', method: 'cash', amountFen: 50_000 });
    await syncAll(a, b);

    await later(a, 5);
    const first = await a.call('bookings.cancel', { id: booking.id, reason: 'guest_request', refundMethod: 'cash' });
    await later(b, 6);
    const second = await b.call('bookings.cancel', { id: booking.id, reason: 'illness', refundMethod: 'wechat' });
    expect(second.number).not.toBe(first.number);
    await syncAll(a, b);

    for (const desk of [a, b]) {
      expect(await tableRows(desk.services.db, 'cancellation')).toEqual([
        expect.objectContaining({ number: first.number, refund_fen: first.refundFen }),
      ]);
      const refunds = (await desk.call('bookings.get', { id: booking.id })).payments.filter((p) => p.kind === 'refund');
      expect(refunds).toEqual([expect.objectContaining({ amountFen: -first.refundFen, method: 'cash' })]);
      const items = await refusedWork(desk);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ subjectId: booking.id });
      expect(items[0]!.detail).toMatchObject({
        operation: 'bookings.cancel',
        error: 'BOOKING_STATE',
        desk: b.services.device.code,
      });
    }
    await settled(a, b);
  });

  it('a payment taken on desk B after desk A cancelled free of charge stays recorded, with an open work item saying why the money does not add up', async () => {
    const { a, b, hotel } = await twoDesks();
    const booking = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);

    await later(a, 5);
    const cancellation = await a.call('bookings.cancel', {
      id: booking.id,
      reason: 'guest_request',
      refundMethod: 'cash',
    });
    expect(cancellation).toMatchObject({ penaltyFen: 0, refundFen: 0 });
    await a.services.sync.syncNow();
    await later(b, 10);
    await b.call('payments.record', {
      bookingId: booking.id,
      kind: 'payment',
      method: 'card',
      amountFen: 80_000,
      reference: 'POS-1',
    });
    await syncAll(b, a);

    for (const desk of [a, b]) {
      const seen = await desk.call('bookings.get', { id: booking.id });
      expect(seen.status).toBe('cancelled');
      // Money taken is never undone by software.
      expect(seen.payments).toEqual([expect.objectContaining({ kind: 'payment', method: 'card', amountFen: 80_000 })]);
      const items = await refusedWork(desk);
      expect(items).toEqual([expect.objectContaining({ subjectId: booking.id, status: 'open' })]);
      expect(items[0]!.detail).toMatchObject({ operation: 'payments.record', desk: b.services.device.code, kept: 1 });
    }
    const payments = (await serverHoldings(suite.server().db, await propertyId(a))).payment;
    expect(payments).toEqual([expect.objectContaining({ booking_id: booking.id, amount_fen: 80_000 })]);
    await settled(a, b);
  });

  it('a payment taken on desk B that reaches the server before desk A’s free cancellation is refunded by it', async () => {
    const { a, b, hotel } = await twoDesks();
    const booking = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);

    await later(b, 5);
    await b.call('payments.record', {
      bookingId: booking.id,
      kind: 'payment',
      method: 'card',
      amountFen: 80_000,
      reference: 'POS-1',
    });
    await b.services.sync.syncNow();
    await later(a, 10);
    const offline = await a.call('bookings.cancel', { id: booking.id, reason: 'guest_request', refundMethod: 'card' });
    expect(offline).toMatchObject({ penaltyFen: 0, refundFen: 0 });
    await syncAll(a, b);

    // Serially: paid, then cancelled free — the cancellation, run again, gives the payment back.
    for (const desk of [a, b]) {
      const [record] = await desk.call('cancellations.list', { by: 'arrival', from: STAY.arrival, to: STAY.arrival });
      expect(record).toMatchObject({ penaltyFen: 0, refundFen: 80_000, refundMethod: 'card' });
      const seen = await desk.call('bookings.get', { id: booking.id });
      expect(seen.payments.map((p) => p.amountFen).sort((x, y) => x - y)).toEqual([-80_000, 80_000]);
      expect(seen.paidFen).toBe(0);
      expect(await refusedWork(desk)).toEqual([]);
    }
    await settled(a, b);
  });

  it('a redemption the server never posted, given back on cancelling, creates no points', async () => {
    const { a, b, hotel } = await twoDesks();
    const member = await a.call('members.enrol', { guestId: hotel.guest });
    const grant = await a.call('approvals.request', {
      operation: 'members.adjust',
      input: { memberId: member.id, points: 5_000, note: '开业赠送' },
      reason: '开业活动',
    });
    await a.call('approvals.approveAtDesk', { requestId: grant.id, username: 'chen', password: 'chen-pass-1' });
    const first = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.suite });
    const second = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);
    expect((await b.call('members.get', { id: member.id })).balance).toBe(5_000);

    // A spends 4,000 and syncs; B, offline, spends 3,000 of the same 5,000 and then cancels that stay.
    await later(a, 5);
    await a.call('members.redeem', { memberId: member.id, bookingId: first.id, points: 4_000 });
    await a.services.sync.syncNow();
    await later(b, 10);
    await b.call('members.redeem', { memberId: member.id, bookingId: second.id, points: 3_000 });
    await later(b, 1);
    await b.call('bookings.cancel', { id: second.id, reason: 'guest_request', refundMethod: 'cash' });
    expect((await b.call('members.get', { id: member.id })).balance).toBe(5_000);
    await syncAll(b, a);
    await syncAll(a, b);

    for (const desk of [a, b]) {
      // 5,000 granted, 4,000 spent: nothing else was ever taken, so nothing else comes back.
      expect((await desk.call('members.get', { id: member.id })).balance, `desk ${desk.services.device.code}`).toBe(
        1_000,
      );
      const ledger = await desk.call('members.ledger', { memberId: member.id });
      const posted = ledger.filter((entry) => entry.status === 'posted');
      expect(posted.reduce((total, entry) => total + entry.points, 0)).toBe(1_000);
      expect(await desk.call('bookings.get', { id: second.id })).toMatchObject({ status: 'cancelled', paidFen: 0 });
    }
    const ledger = (await serverHoldings(suite.server().db, await propertyId(a))).points_entry;
    expect(
      ledger.filter((entry) => entry.status === 'posted').reduce((total, entry) => total + Number(entry.points), 0),
    ).toBe(1_000);
    await settled(a, b);
  });
  it('a redemption and the cancellation of its booking, both made offline at one desk, give the points back once and leave the booking cancelled', async () => {
    const { a, b, hotel } = await twoDesks();
    const member = await a.call('members.enrol', { guestId: hotel.guest });
    const grant = await a.call('approvals.request', {
      operation: 'members.adjust',
      input: { memberId: member.id, points: 5_000, note: '开业赠送' },
      reason: '开业活动',
    });
    await a.call('approvals.approveAtDesk', { requestId: grant.id, username: 'chen', password: 'chen-pass-1' });
    const booking = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);

    await later(b, 2);
    await b.call('members.redeem', { memberId: member.id, bookingId: booking.id, points: 3_000 });
    await later(b, 1);
    await b.call('bookings.cancel', { id: booking.id, reason: 'guest_request', refundMethod: 'cash' });
    await syncAll(b, a);

    for (const desk of [a, b]) {
      expect(await desk.call('bookings.get', { id: booking.id })).toMatchObject({ status: 'cancelled', paidFen: 0 });
      expect((await desk.call('members.get', { id: member.id })).balance).toBe(5_000);
      expect((await desk.call('sync.status')).rejections).toEqual([]);
    }
    await settled(a, b);
  });

  it('a booking made offline after a change that turns out stale keeps its id, its number and its payment through the rebase', async () => {
    const { a, b, hotel } = await twoDesks();
    const shared = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);

    await later(a, 2);
    await a.call('bookings.change', {
      ...STAY,
      id: shared.id,
      departure: '2026-12-13',
      roomTypeId: hotel.standard,
      ratePlanId: null,
      children: 0,
      specialRequests: '晚到',
      authorisation: BY_MESSAGE,
    });
    await a.services.sync.syncNow();
    await later(b, 3);
    // B edits the shared booking (based on what A has since changed), then sells a suite and takes a deposit on it.
    await b.call('bookings.change', {
      ...STAY,
      id: shared.id,
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 2,
      children: 0,
      specialRequests: '',
      authorisation: BY_MESSAGE,
    });
    const sold = await b.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.suite });
    await b.call('payments.record', { bookingId: sold.id, kind: 'deposit', method: 'cash', amountFen: 50_000 });
    await syncAll(b, a);

    for (const desk of [a, b]) {
      // The guest was given this number; the deposit is on this booking.
      expect(await desk.call('bookings.get', { id: sold.id })).toMatchObject({
        number: sold.number,
        status: 'confirmed',
        paidFen: 50_000,
      });
      // Serially: A's change, then B's as B made it.
      expect(await desk.call('bookings.get', { id: shared.id })).toMatchObject({
        departure: STAY.departure,
        adults: 2,
      });
      expect(await refusedWork(desk)).toEqual([]);
      expect(await desk.services.db.selectFrom('booking').select('id').execute()).toHaveLength(2);
    }
    await settled(a, b);
  });
});
