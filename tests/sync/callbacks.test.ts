/**
 * Call-backs across desks: a first stay's check-out sends its call-back with it and the server
 * takes both under the check-out's write rule; every desk then has the task to call. One task
 * called on two desks offline: the call-back is its own aggregate root, so the server keeps the
 * first call to reach it, and the other desk's re-run meets a task already done (CALLBACK_DONE).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { signIn, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { closeTwoDesks, openTwoDesks, syncAll } from './desks';

describe.each(BACKENDS)('call-backs on two desks on %s', { timeout: 60_000 }, (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;

  beforeAll(async () => {
    ({ server, a, b, hotel } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  it('a first stay checked out on one desk is on every desk’s list; called on both offline, the first call to reach the server stands', async () => {
    const booking = await a.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      adults: 1,
    });
    await a.call('frontDesk.checkIn', { bookingId: booking.id, roomId: hotel.rooms['301']! });
    const { balanceFen } = await a.call('bookings.get', { id: booking.id });
    await a.call('payments.record', { bookingId: booking.id, kind: 'payment', method: 'cash', amountFen: balanceFen });
    await a.call('frontDesk.checkOut', { bookingId: booking.id });
    await syncAll(a, b);

    const [task, ...more] = await b.call('callbacks.list', { view: 'open' });
    expect(more).toEqual([]);
    expect(task).toMatchObject({ kind: 'first_stay', bookingNumber: booking.number, guestName: '王芳', attempts: 0 });

    // Offline, both at once: lina reaches the guest on desk A; on desk B chen does not get through.
    await signIn(a, 'lina');
    await a.call('callbacks.record', { id: task!.id, outcome: 'reached', score: 5, words: '很满意' });
    await signIn(b, 'chen');
    await b.call('callbacks.record', { id: task!.id, outcome: 'not_reached' });

    await a.services.sync.syncNow();
    await syncAll(b, a);

    for (const desk of [a, b]) {
      expect(await desk.call('sync.status')).toMatchObject({ pendingCount: 0, lastError: null });
      expect(await desk.call('callbacks.list', { view: 'open' })).toEqual([]);
      expect(await desk.call('callbacks.list', { view: 'done' })).toMatchObject([
        { id: task!.id, attempts: 1, score: 5, words: '很满意', lastOutcome: 'reached', doneBy: { name: 'lina' } },
      ]);
      await signIn(desk, 'chen');
      const refused = (await desk.call('conflicts.list', { status: 'open' })).filter(
        (item) => item.kind === 'rebase_refused',
      );
      expect(refused).toHaveLength(1);
      expect(refused[0]!.detail).toMatchObject({ operation: 'callbacks.record', error: 'CALLBACK_DONE' });
    }
  });
});
