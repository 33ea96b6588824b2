/**
 * A hostile desk cheating on complaint compensation: its own approval policy tampered so that a
 * supervisor may approve anything, and its request claiming ¥200 for a free night worth ¥120,000
 * or for 10,000,000 points.
 * The server weighs the compensation by its input (points at its own loyalty policy), not by the
 * desk's figure, asks for the director its tiers name, and refuses it; nothing changes. An honest
 * refund approved by the supervisor goes through with its payment on the complaint's booking.
 */
import type { InputOf } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './backends';
import { hostileSuite, refusal, serverTable, variant, type HostileProperty } from './hostile-desk';

/** A complaint about the joined desk's own paid booking, opened by lina there, two minutes before compensating. */
async function complaintOnPaidBooking(property: HostileProperty) {
  const { joined, hotel } = property;
  const booking = await joined.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'walk_in',
    arrival: '2026-12-01',
    departure: '2026-12-03',
    roomTypeId: hotel.suite,
    adults: 1,
  });
  await joined.call('payments.record', { bookingId: booking.id, kind: 'deposit', method: 'card', amountFen: 50_000 });
  const complaint = await joined.call('complaints.open', {
    channel: 'in_person',
    category: 'noise',
    severity: 'general',
    guestId: hotel.guest,
    bookingId: booking.id,
    description: '隔壁房间深夜喧哗，无法入睡',
  });
  joined.clock.advanceMinutes(2);
  return { booking, complaint };
}

async function approvedAtDesk(property: HostileProperty, input: InputOf<'complaints.compensate'>) {
  const { joined } = property;
  const request = await joined.call('approvals.request', {
    operation: 'complaints.compensate',
    input,
    reason: '安抚客人',
  });
  await joined.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
  return request;
}

describe.each(BACKENDS)('a hostile desk cheating on complaint compensation on %s', (backend) => {
  const suite = hostileSuite(backend);

  it.each([
    ['a free night worth ¥120,000', { kind: 'free_night', amountFen: 12_000_000, points: 0 }],
    [
      '10,000,000 points (¥100,000 at the loyalty policy’s value)',
      { kind: 'points', amountFen: 0, points: 10_000_000 },
    ],
  ] as const)(
    '%s, approved by a supervisor on a desk claiming ¥200, is refused (APPROVAL_INVALID)',
    async (_what, given) => {
      const property = await suite.property();
      const { attacker, joined, hotel } = property;
      // The desk's own policy, tampered where nobody syncs it: one tier, a supervisor for any amount.
      joined.services.sqlite.exec(`
      DELETE FROM approval_tier WHERE position > 1;
      UPDATE approval_tier SET max_amount_fen = NULL WHERE position = 1;
      DELETE FROM sync_touched WHERE table_name = 'approval_tier';`);
      await joined.call('members.enrol', { guestId: hotel.guest });
      const { complaint } = await complaintOnPaidBooking(property);
      const request = await approvedAtDesk(property, { id: complaint.id, ...given, note: '致歉补偿' });
      expect(request.awaiting.approverRole).toBe('supervisor');
      const outbox = await attacker.outbox();
      const compensated = await attacker.lastOutbox('complaints.compensate');
      expect(compensated.approvalId).toBe(request.id);
      const requested = await attacker.lastOutbox('approvals.request');
      // The request goes up claiming a small amount; everything before the compensation is applied.
      const claimed = variant(requested, {
        effects: requested.effects.map((effect) =>
          effect.table === 'approval_request' ? { ...effect, row: { ...effect.row, amount_fen: 20_000 } } : effect,
        ),
      });
      const earlier = outbox.filter((m) => m.id !== compensated.id).map((m) => (m.id === requested.id ? claimed : m));
      expect((await attacker.push(...earlier)).map((r) => r.status)).toEqual(earlier.map(() => 'applied'));
      const before = await property.state();

      const [result] = await attacker.push(compensated);

      expect(result).toMatchObject(refusal('APPROVAL_INVALID', 'needs approval by director'));
      expect(await property.state()).toEqual(before);
    },
  );

  it('an honest refund approved by the supervisor goes through, its payment on the complaint’s booking', async () => {
    const property = await suite.property();
    const { attacker, server, propertyId } = property;
    const { booking, complaint } = await complaintOnPaidBooking(property);
    await approvedAtDesk(property, {
      id: complaint.id,
      kind: 'refund',
      amountFen: 20_000,
      points: 0,
      note: '退部分房费',
    });
    const outbox = await attacker.outbox();

    expect((await attacker.push(...outbox)).map((r) => r.status)).toEqual(outbox.map(() => 'applied'));
    const refunds = [...(await serverTable(server, propertyId, 'payment')).values()].filter((p) => p.kind === 'refund');
    expect(refunds).toEqual([expect.objectContaining({ booking_id: booking.id, amount_fen: -20_000, method: 'card' })]);
    expect([...(await serverTable(server, propertyId, 'complaint_compensation')).values()]).toEqual([
      expect.objectContaining({ complaint_id: complaint.id, kind: 'refund', amount_fen: 20_000 }),
    ]);
  });
});
