/**
 * Contested resources: the last room, the last ticket, the last points. A second sale stays applied
 * and raises a conflict every desk pulls. (A change based on a member's ledger another desk has moved
 * since is first `stale`: its desk re-runs it on the ledger as it now is.)
 */
import { rootOf } from '@shared/sync/aggregates';
import type { ConflictRow } from '@shared/sync/conflicts';
import type { PulledChange, PushedMutation, PushResult } from '@shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, serverFor } from './backends';
import type { TestDesk } from './desk';
import {
  AGENT,
  SUPERVISOR,
  approve,
  booking,
  effect,
  foundProperty,
  humanNumber,
  joinDesk,
  member,
  pointsEntry,
  redemption,
  room,
  roomType,
  ticketOrder,
  ticketProduct,
  ticketSale,
  ticketSlot,
} from './fixtures';
import type { TestServer } from './harness';

const conflicts = (changes: PulledChange[]): ConflictRow[] =>
  changes.filter((c) => c.table === 'sync_conflict').map((c) => c.row as unknown as ConflictRow);

/** The version of each aggregate root in what a desk has pulled: the bases a real desk keeps (sync_root) and sends with its changes. */
async function pulledRoots(desk: TestDesk): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (const change of await desk.pullAll()) {
    const root = change.row ? rootOf(change.table, change.row) : null;
    if (root !== null) seen[root] = Math.max(seen[root] ?? 0, change.version);
  }
  return seen;
}

/** Pushes one mutation as given (its sequence, signature and bases); the server's answer. */
async function pushOne(desk: TestDesk, mutation: PushedMutation): Promise<PushResult> {
  const reply = await desk.push([mutation]);
  if (reply.status !== 200) throw new Error(`push failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.results[0]!;
}

describe.each(BACKENDS)('contested resources on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server.close());

  /** A property with one sellable deluxe room (and one out of order), and two desks. */
  async function twoDesks(): Promise<{ east: TestDesk; west: TestDesk }> {
    const { founder } = await foundProperty(server, [
      roomType('rt-dlx'),
      room('r-301', 'rt-dlx', '301'),
      room('r-302', 'rt-dlx', '302', 'out_of_order'),
      ticketProduct(),
      ticketSlot('slot-9', 3),
      member('m-1'),
      pointsEntry('p-earn', 'm-1', 800),
    ]);
    return { east: await joinDesk(server, founder.propertyId), west: await joinDesk(server, founder.propertyId) };
  }

  it('two desks selling the last deluxe room offline: the first applies, the second is a conflict both desks pull', async () => {
    const { east, west } = await twoDesks();
    const nights = ['2026-12-24', '2026-12-25'];
    expect(
      await east.run('bookings.create', booking(east, 'b-east', 'rt-dlx', [...nights, '2026-12-26']), {
        actorId: AGENT,
      }),
    ).toEqual({ seq: 1, status: 'applied' });
    const second = await west.run('bookings.create', booking(west, 'b-west', 'rt-dlx', ['2026-12-23', ...nights]), {
      actorId: AGENT,
    });
    expect(second).toMatchObject({ seq: 1, status: 'conflict', conflictId: expect.any(String) });

    for (const desk of [east, west]) {
      const changes = await desk.pullAll();
      const [conflict] = conflicts(changes);
      expect(conflicts(changes)).toHaveLength(1);
      expect(conflict).toMatchObject({
        id: second.conflictId,
        kind: 'room_inventory',
        subject_type: 'booking',
        subject_id: 'b-west',
        device_id: west.deviceId,
        status: 'open',
        resolution: null,
      });
      expect(JSON.parse(conflict!.detail_json)).toEqual({
        night: '2026-12-24',
        roomTypeId: 'rt-dlx',
        rooms: 1,
        sold: 2,
      });
      expect(conflict!.server_version).toBe(changes.find((c) => c.key === conflict!.id)!.version);
      // Nothing is dropped: the second booking is on the server too.
      expect(changes.some((c) => c.table === 'booking' && c.key === 'b-west')).toBe(true);
    }

    // The same booking contested again (extended into another sold-out night) points to the open conflict.
    const [created] = booking(west, 'b-west', 'rt-dlx', ['2026-12-23', ...nights]);
    const [longer, ...longerNights] = booking(west, 'b-west', 'rt-dlx', ['2026-12-23', ...nights, '2026-12-26']);
    const extended = {
      ...longer!,
      row: { ...longer!.row, number: created!.row!.number },
      columns: ['departure', 'nights_json', 'total_fen'],
    };
    const again = await west.run('bookings.change', [extended, ...longerNights], {
      actorId: AGENT,
      input: { id: 'b-west' },
    });
    expect(again.conflictId).toBe(second.conflictId);
    // A supervisor's resolution closes it.
    const [open] = conflicts(await west.pullAll());
    const resolved = {
      ...open!,
      status: 'resolved',
      resolution: 'accept',
      resolution_note: 'guest keeps the room',
      resolved_by: SUPERVISOR,
      resolved_by_name: SUPERVISOR,
      resolved_at: new Date().toISOString(),
    };
    expect(
      (await west.run('conflicts.resolve', [effect('sync_conflict', resolved)], { actorId: SUPERVISOR })).status,
    ).toBe('applied');
    expect(conflicts(await east.pullAll())[0]).toMatchObject({ status: 'resolved', resolution: 'accept' });
  });

  it('an approved overbooking is no conflict', async () => {
    const { east, west } = await twoDesks();
    await east.run('bookings.create', booking(east, 'b-1', 'rt-dlx', ['2026-12-31']), { actorId: AGENT });
    const sale = booking(west, 'b-2', 'rt-dlx', ['2026-12-31']);
    const input = { guestId: 'guest-1', roomTypeId: 'rt-dlx', arrival: '2026-12-31', departure: '2027-01-01' };
    const approvalId = await approve(west, east, 'bookings.overbook', input);
    expect(await west.run('bookings.overbook', sale, { actorId: AGENT, approvalId, input })).toEqual({
      seq: 2,
      status: 'applied',
    });
    expect(conflicts(await west.pullAll())).toEqual([]);
  });

  it('a cancelled night frees the room: a later sale of it is no conflict', async () => {
    const { east, west } = await twoDesks();
    const [sold, night] = booking(east, 'b-1', 'rt-dlx', ['2027-01-05']);
    await east.run('bookings.create', [sold!, night!], { actorId: AGENT });
    const cancelled = {
      ...sold!,
      row: { ...sold!.row, status: 'cancelled', total_fen: 0 },
      columns: ['status', 'total_fen'],
    };
    const record = effect('cancellation', {
      id: 'x-1',
      number: humanNumber('X', east),
      booking_id: 'b-1',
      ticket_order_id: null,
      arrival: '2027-01-05',
      reason: 'guest_request',
      note: '',
      penalty_fen: 0,
      refund_fen: 0,
      waived_fen: 0,
      rule: 'before_deadline',
      refund_method: 'cash',
      staff_id: AGENT,
      staff_name: AGENT,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      server_version: null,
    });
    const input = { id: 'b-1', reason: 'guest_request', note: '', refundMethod: 'cash' };
    expect(
      (await east.run('bookings.cancel', [cancelled, { ...night!, row: null }, record], { actorId: AGENT, input }))
        .status,
    ).toBe('applied');
    expect(
      (await west.run('bookings.create', booking(west, 'b-2', 'rt-dlx', ['2027-01-05']), { actorId: AGENT })).status,
    ).toBe('applied');
  });

  it('selling more visitors than a slot holds is a ticket_capacity conflict', async () => {
    const { east, west } = await twoDesks();
    const sale = (date: string) => ({ actorId: AGENT, input: ticketSale('slot-9', date) });
    expect(
      (await east.run('tickets.sell', ticketOrder(east, 'o-1', 'slot-9', '2026-12-24', 2), sale('2026-12-24'))).status,
    ).toBe('applied');
    // Another date of the slot is another pool.
    expect(
      (await east.run('tickets.sell', ticketOrder(east, 'o-0', 'slot-9', '2026-12-25', 3), sale('2026-12-25'))).status,
    ).toBe('applied');
    const second = await west.run(
      'tickets.sell',
      ticketOrder(west, 'o-2', 'slot-9', '2026-12-24', 2),
      sale('2026-12-24'),
    );
    expect(second.status).toBe('conflict');
    const [conflict] = conflicts(await east.pullAll());
    expect(conflict).toMatchObject({ kind: 'ticket_capacity', subject_type: 'ticket_order', subject_id: 'o-2' });
    expect(JSON.parse(conflict!.detail_json)).toEqual({
      slotId: 'slot-9',
      visitDate: '2026-12-24',
      capacity: 3,
      sold: 4,
    });
  });

  it('a member with 800 points redeemed twice offline for 500: the second desk’s is stale (the ledger moved); sent again on the new ledger it is a points_balance conflict left pending', async () => {
    const { east, west } = await twoDesks();
    await east.run('bookings.create', booking(east, 'b-east', 'rt-dlx', ['2027-03-01']), { actorId: AGENT });
    await west.run('bookings.create', booking(west, 'b-west', 'rt-dlx', ['2027-03-02']), { actorId: AGENT });
    // Both desks had pulled the member's 800 points before they redeemed offline.
    const [eastSaw, westSaw] = [await pulledRoots(east), await pulledRoots(west)];
    expect(westSaw['member:m-1']).toEqual(expect.any(Number));
    const redeem = (bookingId: string) => ({ actorId: AGENT, input: { memberId: 'm-1', bookingId, points: 500 } });
    const first = east.mutation('members.redeem', redemption(east, 'p-east', 'm-1', 'b-east', 500), redeem('b-east'));
    expect(await pushOne(east, { ...first, bases: eastSaw })).toEqual({ seq: 2, status: 'applied' });

    const second = {
      ...west.mutation('members.redeem', redemption(west, 'p-west', 'm-1', 'b-west', 500), redeem('b-west')),
      bases: westSaw,
    };
    const stale = await pushOne(west, second);
    // The ledger it was based on has moved (east's redemption, posted): the desk is to re-run it on the ledger as it is now.
    const ledgerNow = (await pulledRoots(west))['member:m-1']!;
    expect(ledgerNow).toBeGreaterThan(westSaw['member:m-1']!);
    expect(stale).toEqual({ seq: 2, status: 'stale', versions: { 'member:m-1': ledgerNow } });
    // Nothing of it is stored: no entry, no payment, and its sequence is still to come.
    const afterStale = await west.pull(Number.MAX_SAFE_INTEGER);
    expect(afterStale.body.lastSeq).toBe(1);
    expect((await west.pullAll()).filter((c) => c.key.startsWith('p-west'))).toEqual([]);

    // Re-run on 300 points the desk's own rule refuses 500 (a work item at the desk). Sent again as it was, on the new
    // ledger — under the same sequence, id and signature — it meets the server's balance check: kept, left pending, a conflict.
    const again = await pushOne(west, { ...second, bases: stale.versions! });
    expect(again).toMatchObject({ seq: 2, status: 'conflict', conflictId: expect.any(String) });

    const changes = await west.pullAll();
    const latest = (key: string) => changes.filter((c) => c.key === key).at(-1)!;
    expect(latest('p-east').row).toMatchObject({ status: 'posted', server_version: latest('p-east').version });
    expect(latest('p-west').row).toMatchObject({ status: 'pending' });
    const [conflict] = conflicts(changes);
    expect(conflict).toMatchObject({
      id: again.conflictId,
      kind: 'points_balance',
      subject_type: 'member',
      subject_id: 'm-1',
      device_id: west.deviceId,
    });
    expect(JSON.parse(conflict!.detail_json)).toEqual({ balance: -200 });
  });
});
