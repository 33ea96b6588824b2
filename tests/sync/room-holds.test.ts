/**
 * 排房 across desks, played by two real desks and a real server on SQLite and on PostgreSQL: two
 * desks giving one room away apart — before arrival, at check-in, or by lengthening a stay that has
 * it — end as some serial order of their actions would leave them. The room is an aggregate root,
 * so the later claim is stale, runs again on the earlier one's state and, where the room is then
 * held on a night of it, is refused: a work item on every desk (rebase_refused), the booking as the
 * server holds it. Claims that do not share a night both stand. No room is ever held by two live
 * stays on one night (tests/sync/invariants.ts), on either desk or on the server.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import { signIn, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { serverTable } from '../server/hostile-desk';
import { propertyId, syncAll, tableRows } from './desks';
import { twoDeskSuite } from './two-desk-suite';

const TODAY = '2026-11-26';
const BY_MESSAGE = { method: 'message' as const, reference: '微信确认' };

describe.each(BACKENDS)('rooms held before arrival, synced on %s', { timeout: 60_000 }, (backend) => {
  const suite = twoDeskSuite(backend);
  const { twoDesks, later, refusedWork } = suite;

  function book(desk: Desk, hotel: Hotel, arrival: string, departure: string) {
    return desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival,
      departure,
      roomTypeId: hotel.standard,
      adults: 1,
    });
  }

  /** One synced table's live rows on the server, as the property's desks sent them. */
  const serverHoldingsOf = async (a: Desk, table: string) => [
    ...(await serverTable(suite.server(), await propertyId(a), table)).values(),
  ];

  /** The room each booking holds, by booking number, as the server stores them. */
  async function serverRooms(a: Desk): Promise<Record<string, { status: unknown; room: unknown }>> {
    const booking = await serverHoldingsOf(a, 'booking');
    return Object.fromEntries(booking.map((b) => [String(b.number), { status: b.status, room: b.room_id }]));
  }

  const settled = (a: Desk, b: Desk) => suite.settled(a, b, ['room']);

  it('room 301 given to two overlapping stays on two desks offline stays with the first to reach the server; the second is taken back and is a work item on both desks', async () => {
    const { a, b, hotel } = await twoDesks();
    const first = await book(a, hotel, '2026-12-10', '2026-12-12');
    const second = await book(a, hotel, '2026-12-11', '2026-12-13');
    await syncAll(a, b);

    await later(a, 5);
    await a.call('frontDesk.assignRoom', { bookingId: first.id, roomId: hotel.rooms['301']! });
    await later(b, 6);
    // B has not heard: 301 is free for the second stay as far as B can see.
    expect((await b.call('frontDesk.assignRoom', { bookingId: second.id, roomId: hotel.rooms['301']! })).room).toEqual({
      id: hotel.rooms['301']!,
      number: '301',
    });
    await a.services.sync.syncNow();
    await syncAll(b, a);

    expect(await serverRooms(a)).toEqual({
      [first.number]: { status: 'confirmed', room: hotel.rooms['301'] },
      [second.number]: { status: 'confirmed', room: null },
    });
    for (const desk of [a, b]) {
      expect((await desk.call('bookings.get', { id: first.id })).room?.number).toBe('301');
      const taken = await desk.call('bookings.get', { id: second.id });
      expect(taken.room).toBeNull();
      expect(taken.changes.map((change) => change.kind)).toEqual(['created']);
      const items = await refusedWork(desk);
      expect(items).toEqual([
        expect.objectContaining({ subjectType: 'booking', subjectId: second.id, status: 'open' }),
      ]);
      expect(items[0]!.detail).toMatchObject({
        operation: 'frontDesk.assignRoom',
        error: 'ROOM_HELD',
        desk: b.services.device.code,
      });
    }
    // The second stay may still be given the other room.
    await b.call('frontDesk.assignRoom', { bookingId: second.id, roomId: hotel.rooms['302']! });
    await syncAll(b, a);
    expect((await a.call('bookings.get', { id: second.id })).room?.number).toBe('302');
    await settled(a, b);
  });

  it('two arrivals checked in to room 301 on two desks offline: one is in house in 301, the other stays confirmed with a work item and then checks in to 302', async () => {
    const { a, b, hotel } = await twoDesks();
    const first = await book(a, hotel, TODAY, '2026-11-28');
    const second = await book(a, hotel, TODAY, '2026-11-28');
    await syncAll(a, b);

    await later(a, 5);
    await a.call('frontDesk.checkIn', { bookingId: first.id, roomId: hotel.rooms['301']! });
    await later(b, 6);
    await b.call('frontDesk.checkIn', { bookingId: second.id, roomId: hotel.rooms['301']! });
    await a.services.sync.syncNow();
    await syncAll(b, a);

    expect(await serverRooms(a)).toEqual({
      [first.number]: { status: 'checked_in', room: hotel.rooms['301'] },
      [second.number]: { status: 'confirmed', room: null },
    });
    for (const desk of [a, b]) {
      expect(await desk.call('bookings.get', { id: first.id })).toMatchObject({
        status: 'checked_in',
        room: { number: '301' },
      });
      expect(await desk.call('bookings.get', { id: second.id })).toMatchObject({ status: 'confirmed', room: null });
      const board = await desk.call('housekeeping.board');
      expect(board.find((room) => room.number === '301')).toMatchObject({ status: 'occupied' });
      const items = await refusedWork(desk);
      expect(items).toEqual([expect.objectContaining({ subjectId: second.id, status: 'open' })]);
      // 301 is no longer ready (occupied) when B's check-in runs again.
      expect(items[0]!.detail).toMatchObject({
        operation: 'frontDesk.checkIn',
        error: 'ROOM_NOT_AVAILABLE',
        desk: b.services.device.code,
      });
    }
    expect((await b.call('frontDesk.suggestRooms', { bookingId: second.id })).map((r) => r.number)).toEqual(['302']);
    await b.call('frontDesk.checkIn', { bookingId: second.id, roomId: hotel.rooms['302']! });
    await syncAll(b, a);
    expect(await serverRooms(a)).toEqual({
      [first.number]: { status: 'checked_in', room: hotel.rooms['301'] },
      [second.number]: { status: 'checked_in', room: hotel.rooms['302'] },
    });
    await settled(a, b);
  });

  it('room 301 held for 12-10…12-12 on desk A: desk B, offline, cannot give it to a stay sharing the night of 12-11, and can give it to 12-12…12-14', async () => {
    const { a, b, hotel } = await twoDesks();
    const held = await book(a, hotel, '2026-12-10', '2026-12-12');
    // One night, the held stay's last: on B it does not meet the stay that follows.
    const overlapping = await book(a, hotel, '2026-12-11', '2026-12-12');
    const following = await book(a, hotel, '2026-12-12', '2026-12-14');
    await syncAll(a, b);

    await later(a, 5);
    await a.call('frontDesk.assignRoom', { bookingId: held.id, roomId: hotel.rooms['301']! });
    await a.services.sync.syncNow();
    await later(b, 6);
    await b.call('frontDesk.assignRoom', { bookingId: overlapping.id, roomId: hotel.rooms['301']! });
    await later(b, 1);
    await b.call('frontDesk.assignRoom', { bookingId: following.id, roomId: hotel.rooms['301']! });
    await syncAll(b, a);

    expect(await serverRooms(a)).toEqual({
      [held.number]: { status: 'confirmed', room: hotel.rooms['301'] },
      [overlapping.number]: { status: 'confirmed', room: null },
      [following.number]: { status: 'confirmed', room: hotel.rooms['301'] },
    });
    for (const desk of [a, b]) {
      expect((await desk.call('bookings.get', { id: following.id })).room?.number).toBe('301');
      expect((await desk.call('bookings.get', { id: overlapping.id })).room).toBeNull();
      const items = await refusedWork(desk);
      expect(items).toEqual([expect.objectContaining({ subjectId: overlapping.id })]);
      expect(items[0]!.detail).toMatchObject({ operation: 'frontDesk.assignRoom', error: 'ROOM_HELD' });
    }
    // Each claim that stood wrote the room once more: A's, then B's run again after it.
    const [room] = (await tableRows(a.services.db, 'room')).filter(
      (r) => (r as { id: string }).id === hotel.rooms['301'],
    );
    expect(room).toMatchObject({ hold_seq: 2 });
    await settled(a, b);
  });

  it('a guest in house in 301 lengthened on desk B offline onto a night desk A had given 301 to the next arrival keeps their departure; the extension is a work item', async () => {
    const { a, b, hotel } = await twoDesks();
    const inHouse = await book(a, hotel, TODAY, '2026-11-28');
    await a.call('frontDesk.checkIn', { bookingId: inHouse.id, roomId: hotel.rooms['301']! });
    const next = await book(a, hotel, '2026-11-28', '2026-11-30');
    await syncAll(a, b);

    await later(a, 5);
    await a.call('frontDesk.assignRoom', { bookingId: next.id, roomId: hotel.rooms['301']! });
    await a.services.sync.syncNow();
    // The guest asks for one more night at B, which does not know 301 is promised from the 28th; a
    // change of a stay in house is the supervisor's.
    await signIn(b, 'chen');
    await later(b, 6);
    const stretched = await b.call('bookings.change', {
      id: inHouse.id,
      arrival: TODAY,
      departure: '2026-11-29',
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '',
      authorisation: BY_MESSAGE,
    });
    expect(stretched).toMatchObject({ departure: '2026-11-29', room: { number: '301' } });
    await syncAll(b, a);

    expect(await serverRooms(a)).toEqual({
      [inHouse.number]: { status: 'checked_in', room: hotel.rooms['301'] },
      [next.number]: { status: 'confirmed', room: hotel.rooms['301'] },
    });
    for (const desk of [a, b]) {
      expect(await desk.call('bookings.get', { id: inHouse.id })).toMatchObject({
        status: 'checked_in',
        departure: '2026-11-28',
        room: { number: '301' },
      });
      expect((await desk.call('bookings.get', { id: next.id })).room?.number).toBe('301');
      const items = await refusedWork(desk);
      expect(items).toEqual([expect.objectContaining({ subjectId: inHouse.id })]);
      expect(items[0]!.detail).toMatchObject({
        operation: 'bookings.change',
        error: 'ROOM_HELD',
        desk: b.services.device.code,
      });
    }
    await settled(a, b);
  });

  it('a room’s housekeeping state set on two desks apart is put in a serial order: the later change runs again on the earlier one’s state, and stands or is a work item', async () => {
    const { a, b, hotel } = await twoDesks();
    await syncAll(a, b);
    const room = hotel.rooms['302']!;
    const statusOn = async (desk: Desk) => (await desk.call('housekeeping.board')).find((r) => r.id === room)?.status;
    const statusOnServer = async () => (await serverHoldingsOf(a, 'room')).find((r) => r.id === room)?.status;

    // A takes the clean room out of order; B, not knowing, passes it as inspected — which a room out of order cannot be.
    await later(a, 5);
    await a.call('housekeeping.setStatus', { roomId: room, status: 'out_of_order' });
    await later(b, 6);
    await b.call('housekeeping.setStatus', { roomId: room, status: 'inspected' });
    await a.services.sync.syncNow();
    await syncAll(b, a);

    expect(await statusOnServer()).toBe('out_of_order');
    for (const desk of [a, b]) {
      expect(await statusOn(desk)).toBe('out_of_order');
      const items = await refusedWork(desk);
      expect(items).toHaveLength(1);
      expect(items[0]!.detail).toMatchObject({
        operation: 'housekeeping.setStatus',
        error: 'ROOM_STATUS',
        desk: b.services.device.code,
      });
    }

    // Apart again: A sends it to be cleaned, B marks it clean — clean after dirty, so B's stands.
    await later(a, 5);
    await a.call('housekeeping.setStatus', { roomId: room, status: 'vacant_dirty' });
    await later(b, 6);
    await b.call('housekeeping.setStatus', { roomId: room, status: 'vacant_clean' });
    await a.services.sync.syncNow();
    await syncAll(b, a);

    expect(await statusOnServer()).toBe('vacant_clean');
    for (const desk of [a, b]) {
      expect(await statusOn(desk)).toBe('vacant_clean');
      expect(await refusedWork(desk)).toHaveLength(1);
    }
    await settled(a, b);
  });
});
