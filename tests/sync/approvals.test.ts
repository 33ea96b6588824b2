/**
 * Held operations through the server: what a supervisor approved — at the agent's desk or from the
 * queue on another desk — goes up after its decision and is applied; the same change without the
 * approval, or on an approval already used, is refused and undone at the desk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { overrideApprovedAtDesk, signIn, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { closeTwoDesks, openTwoDesks, syncAll } from './desks';

describe.each(BACKENDS)('approvals across desks on %s', (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;

  beforeAll(async () => {
    ({ server, a, b, hotel } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  /** The one suite for two nights from `arrival` (each test its own dates). */
  async function suiteBooking(desk: Desk, arrival: string) {
    const departure = new Date(Date.parse(`${arrival}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    return desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival,
      departure,
      roomTypeId: hotel.suite,
      adults: 1,
    });
  }

  it('a price cut approved at the agent’s desk reaches the server after its decision and stands on every desk', async () => {
    const booking = await suiteBooking(a, '2026-12-10');
    await overrideApprovedAtDesk(a, booking.id, 100_000);
    const queued = await a.services.db.selectFrom('outbox').select(['name', 'approval_id']).orderBy('seq').execute();
    // The decision goes up before what it allowed.
    expect(queued.map((row) => row.name).slice(-2)).toEqual(['approvals.approveAtDesk', 'bookings.overridePrice']);

    await syncAll(a, b);
    expect(await a.call('sync.status')).toMatchObject({ pendingCount: 0, rejections: [] });
    expect((await b.call('bookings.get', { id: booking.id })).totalFen).toBe(200_000);
  });

  it('a request made on one desk and approved from the queue on another runs there, once, and syncs back', async () => {
    const booking = await suiteBooking(a, '2026-12-14');
    const input = {
      id: booking.id,
      nightlyFen: 90_000,
      authorisation: { method: 'signed_form' as const, reference: 'F-7' },
    };
    const request = await a.call('approvals.request', { operation: 'bookings.overridePrice', input, reason: '协议价' });
    await syncAll(a, b);
    await signIn(b, 'chen');
    await b.call('approvals.decide', { requestId: request.id, decision: 'approve', comment: '可以' });
    await syncAll(b, a);
    expect(await b.call('sync.status')).toMatchObject({ pendingCount: 0, rejections: [] });
    expect((await a.call('bookings.get', { id: booking.id })).totalFen).toBe(180_000);
    expect((await a.call('approvals.get', { requestId: request.id })).status).toBe('executed');
    await signIn(b, 'lina');
  });

  it('the same price cut pushed without its approval is refused by the server and undone at the desk', async () => {
    const booking = await suiteBooking(a, '2026-12-18');
    await syncAll(a);
    // A desk whose approval policy was tampered with (the rule deleted behind the app's back): its gate lets the agent through.
    await a.services.sqlite.prepare("DELETE FROM approval_rule WHERE operation = 'bookings.overridePrice'").run();
    await a.services.sqlite.prepare('DELETE FROM sync_touched').run();
    const input = {
      id: booking.id,
      nightlyFen: 10_000,
      authorisation: { method: 'in_person' as const, reference: '—' },
    };
    await a.call('bookings.overridePrice', input);
    await syncAll(a);
    const status = await a.call('sync.status');
    expect(status.rejections.at(-1)).toMatchObject({ name: 'bookings.overridePrice', reason: 'APPROVAL_INVALID' });
    expect((await a.call('bookings.get', { id: booking.id })).totalFen).toBe(240_000);
  });
});
