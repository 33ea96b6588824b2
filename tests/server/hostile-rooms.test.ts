/**
 * A hostile desk giving rooms away that it may not (排房, check-in, a move, a changed stay), and
 * claiming it has seen every other desk's latest write (the newest version of every root) so that
 * the server cannot send it back as stale: only the server's own check of who holds a room, from
 * its own rows (src-server/sync/derived/rooms.ts), or the write rules stand in the way. A room held
 * by another stay on a night of this one, a room of another type, a room out of order, a check-in
 * into an occupied or dirty room or into a room held for another arrival, a move into a dirty room,
 * a change that gives a stay another room, keeps its room onto a held night or drops an in-house
 * guest's room, a move that dirties another guest's room or leaves the guest roomless, a room
 * emptied by hand while a guest is in it: each is refused,
 * and nothing changes on the server or on the honest founding desk.
 */
import { rootOf } from '@shared/sync/aggregates';
import type { Effect } from '@shared/sync/protocol';
import type { SyncRow } from '@shared/sync/tables';
import { describe, expect, it } from 'vitest';
import { signIn, type Desk } from '../integration/desk';
import { BACKENDS } from './backends';
import {
  hostileSuite,
  refusal,
  rowIn,
  serverTable,
  syncDesk,
  variant,
  type HostileProperty,
  type Mutation,
} from './hostile-desk';

const TODAY = '2026-11-26';
const BY_MESSAGE = { method: 'message' as const, reference: '微信确认' };

function book(desk: Desk, property: HostileProperty, arrival: string, departure: string) {
  return desk.call('bookings.create', {
    guestId: property.hotel.guest,
    channel: 'phone',
    arrival,
    departure,
    roomTypeId: property.hotel.standard,
    adults: 1,
  });
}

/** The newest version of every root the server holds for the property: the bases of a desk that has just pulled. */
async function latestBases(property: HostileProperty): Promise<Record<string, number>> {
  const bases: Record<string, number> = {};
  for (const stored of await property.server.db.db
    .selectFrom('sync_row')
    .select(['table_name', 'data', 'version'])
    .where('property_id', '=', property.propertyId)
    .execute()) {
    const root = stored.data === null ? null : rootOf(stored.table_name, JSON.parse(stored.data) as SyncRow);
    if (root !== null) bases[root] = Math.max(bases[root] ?? 0, Number(stored.version));
  }
  return bases;
}

/** The mutation under a fresh id, claiming it was made on the server's latest state. */
async function claimingLatest(property: HostileProperty, mutation: Mutation, patch: Partial<Mutation> = {}) {
  return variant(mutation, { ...patch, bases: { ...mutation.bases, ...(await latestBases(property)) } });
}

/**
 * The same operation turned to another room: the booking row names it, the room's row written is
 * that room as the server holds it with its hold sequence one more, and the input names it too (so
 * the write rules that tie the rows to the input pass).
 */
async function turnedTo(property: HostileProperty, mutation: Mutation, roomId: string): Promise<Partial<Mutation>> {
  const stored = (await serverTable(property.server, property.propertyId, 'room')).get(roomId)!;
  const effects = mutation.effects.map((effect): Effect => {
    if (effect.table === 'booking') return { ...effect, row: { ...effect.row!, room_id: roomId } };
    if (effect.table !== 'room') return effect;
    const written = effect.row!;
    const changed = effect.columns ?? Object.keys(written);
    const row = { ...stored, ...Object.fromEntries(changed.map((c) => [c, written[c]])) };
    return { ...effect, key: roomId, row: { ...row, id: roomId, hold_seq: Number(stored.hold_seq) + 1 } };
  });
  return { effects, input: { ...(mutation.input as object), roomId } };
}

describe.each(BACKENDS)('a hostile desk giving rooms away on %s', (backend) => {
  const suite = hostileSuite(backend);

  /** A property whose bookings the joined desk has pulled; `then` runs at the founding desk after, and is synced up, not down. */
  async function property(
    stays: [string, string][],
    then: (founder: Desk, bookings: { id: string; number: string }[], p: HostileProperty) => Promise<void>,
  ) {
    const p = await suite.property();
    const bookings = [];
    for (const [arrival, departure] of stays) bookings.push(await book(p.founder, p, arrival, departure));
    await syncDesk(p.founder);
    await syncDesk(p.joined);
    await then(p.founder, bookings, p);
    await syncDesk(p.founder);
    return { p, bookings };
  }

  it('room 301, held by another stay on a night of this one, given to it is refused (WRITE_NOT_ALLOWED); the same room for the stay that follows is not', async () => {
    const { p, bookings } = await property(
      [
        ['2026-12-10', '2026-12-12'],
        ['2026-12-11', '2026-12-13'],
        ['2026-12-12', '2026-12-14'],
      ],
      async (founder, [held], { hotel }) => {
        await founder.call('frontDesk.assignRoom', { bookingId: held!.id, roomId: hotel.rooms['301']! });
      },
    );
    const [held, overlapping, following] = bookings;
    const { joined, attacker, hotel } = p;
    // The joined desk has not heard of the founder's hold.
    await joined.call('frontDesk.assignRoom', { bookingId: overlapping!.id, roomId: hotel.rooms['301']! });
    const assign = await attacker.lastOutbox('frontDesk.assignRoom');
    const before = await p.state();

    expect(await attacker.push(await claimingLatest(p, assign))).toEqual([
      expect.objectContaining(
        refusal('WRITE_NOT_ALLOWED', `room 301 is held by booking ${held!.id} on a night of ${overlapping!.id}`),
      ),
    ]);
    // As it was made, it is stale: the room moved since.
    expect(await attacker.push(variant(assign))).toEqual([expect.objectContaining({ status: 'stale' })]);
    expect(await p.state()).toEqual(before);

    // A stay starting on the held one's departure day may be given 301, by the same route.
    await joined.call('frontDesk.assignRoom', { bookingId: overlapping!.id, roomId: null });
    await joined.call('frontDesk.assignRoom', { bookingId: following!.id, roomId: hotel.rooms['301']! });
    const honest = await attacker.lastOutbox('frontDesk.assignRoom');
    expect(await attacker.push(await claimingLatest(p, honest))).toEqual([
      expect.objectContaining({ status: 'applied' }),
    ]);
    const stored = await serverTable(p.server, p.propertyId, 'booking');
    expect([held, overlapping, following].map((b) => stored.get(b!.id)!.room_id)).toEqual([
      hotel.rooms['301'],
      null,
      hotel.rooms['301'],
    ]);
  });

  it('a suite given to a standard booking is refused (WRITE_NOT_ALLOWED)', async () => {
    const { p, bookings } = await property([['2026-12-10', '2026-12-12']], async () => {});
    const [booking] = bookings;
    const { joined, attacker, hotel } = p;
    await joined.call('frontDesk.assignRoom', { bookingId: booking!.id, roomId: hotel.rooms['302']! });
    const assign = await attacker.lastOutbox('frontDesk.assignRoom');
    const before = await p.state();

    const [result] = await attacker.push(
      await claimingLatest(p, assign, await turnedTo(p, assign, hotel.rooms['501']!)),
    );

    expect(result).toMatchObject(refusal('WRITE_NOT_ALLOWED', "room 501 is not of the booking's room type"));
    expect(await p.state()).toEqual(before);
  });

  it('a room taken out of order on the founding desk, given to a booking by a desk claiming to have seen it, is refused (WRITE_NOT_ALLOWED)', async () => {
    const { p, bookings } = await property([['2026-12-10', '2026-12-12']], async (founder, _b, { hotel }) => {
      await founder.call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'out_of_order' });
    });
    const [booking] = bookings;
    const { joined, attacker, hotel } = p;
    await joined.call('frontDesk.assignRoom', { bookingId: booking!.id, roomId: hotel.rooms['302']! });
    const assign = await attacker.lastOutbox('frontDesk.assignRoom');
    const before = await p.state();

    const [result] = await attacker.push(await claimingLatest(p, assign));

    expect(result).toMatchObject(refusal('WRITE_NOT_ALLOWED', 'room 302 is out of order'));
    expect(await p.state()).toEqual(before);
  });

  it('a check-in into room 301 while another guest is in house there is refused (WRITE_NOT_ALLOWED: the room was not ready)', async () => {
    const { p, bookings } = await property(
      [
        [TODAY, '2026-11-28'],
        [TODAY, '2026-11-28'],
      ],
      async (founder, [first], { hotel }) => {
        await founder.call('frontDesk.checkIn', { bookingId: first!.id, roomId: hotel.rooms['301']! });
      },
    );
    const [, second] = bookings;
    const { joined, attacker, hotel } = p;
    await joined.call('frontDesk.checkIn', { bookingId: second!.id, roomId: hotel.rooms['301']! });
    const checkIn = await attacker.lastOutbox('frontDesk.checkIn');
    const before = await p.state();

    const [result] = await attacker.push(await claimingLatest(p, checkIn));

    // Read from the server's rows: the desk's row of 301 claims nothing new (the founder's check-in wrote the same).
    expect(result).toMatchObject(refusal('WRITE_NOT_ALLOWED', 'room 301 is not ready (occupied)'));
    expect(rowIn(checkIn, 'booking')).toMatchObject({ id: second!.id, room_id: hotel.rooms['301'] });
    expect(await p.state()).toEqual(before);
  });

  it('a check-in into a room left dirty, with or without the room’s row, is refused (WRITE_NOT_ALLOWED: the room was not ready)', async () => {
    const { p, bookings } = await property([[TODAY, '2026-11-28']], async (founder, _b, { hotel }) => {
      await founder.call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'vacant_dirty' });
    });
    const [arrival] = bookings;
    const { joined, attacker, hotel } = p;
    await joined.call('frontDesk.checkIn', { bookingId: arrival!.id, roomId: hotel.rooms['302']! });
    const checkIn = await attacker.lastOutbox('frontDesk.checkIn');
    const before = await p.state();

    const [asMade] = await attacker.push(await claimingLatest(p, checkIn));
    // The room's row left out: nothing of the room is written, so no rule of the room's row can see it.
    const [roomless] = await attacker.push(
      await claimingLatest(p, checkIn, { effects: checkIn.effects.filter((effect) => effect.table !== 'room') }),
    );

    expect(asMade).toMatchObject(refusal('WRITE_NOT_ALLOWED', expect.stringContaining('status was vacant_dirty')));
    expect(roomless).toMatchObject(refusal('WRITE_NOT_ALLOWED', 'room 302 is not ready (vacant_dirty)'));
    expect(await p.state()).toEqual(before);
  });

  it('a guest in house moved into a room left dirty is refused (WRITE_NOT_ALLOWED: the room was not ready)', async () => {
    const { p, bookings } = await property([[TODAY, '2026-11-28']], async (founder, [inHouse], { hotel }) => {
      await founder.call('frontDesk.checkIn', { bookingId: inHouse!.id, roomId: hotel.rooms['301']! });
    });
    const [inHouse] = bookings;
    const { joined, attacker, hotel, founder } = p;
    // The joined desk hears of the check-in, not of 302 being left dirty after it.
    await syncDesk(joined);
    await founder.call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'vacant_dirty' });
    await syncDesk(founder);
    await joined.call('frontDesk.moveRoom', {
      bookingId: inHouse!.id,
      roomId: hotel.rooms['302']!,
      reason: '空调坏了',
    });
    const move = await attacker.lastOutbox('frontDesk.moveRoom');
    const before = await p.state();

    const [result] = await attacker.push(await claimingLatest(p, move));

    expect(result).toMatchObject(refusal('WRITE_NOT_ALLOWED', 'room 302 is not ready (vacant_dirty)'));
    expect(await p.state()).toEqual(before);
  });

  it('a move that dirties another guest’s room or leaves the guest with no room is refused; so is a room set vacant by hand while a guest is in it', async () => {
    const { p, bookings } = await property(
      [
        [TODAY, '2026-11-28'],
        [TODAY, '2026-11-28'],
      ],
      async (founder, [mover, other], { hotel }) => {
        await founder.call('frontDesk.checkIn', { bookingId: mover!.id, roomId: hotel.rooms['301']! });
        await founder.call('frontDesk.checkIn', { bookingId: other!.id, roomId: hotel.rooms['302']! });
      },
    );
    const [mover] = bookings;
    const { joined, attacker, hotel } = p;
    await syncDesk(joined);
    const before = await p.state();
    const push = async (mutation: Mutation, effects: Effect[]) =>
      (await attacker.push(await claimingLatest(p, mutation, { effects })))[0];

    // An honest move of the guest in 301 to the suite, turned three ways.
    await joined.call('frontDesk.moveRoom', { bookingId: mover!.id, roomId: hotel.rooms['501']!, reason: '升级' });
    const move = await attacker.lastOutbox('frontDesk.moveRoom');
    const room302 = (await serverTable(p.server, p.propertyId, 'room')).get(hotel.rooms['302']!)!;
    const dirtying = [
      ...move.effects,
      { table: 'room', key: hotel.rooms['302']!, row: { ...room302, status: 'vacant_dirty' }, columns: ['status'] },
    ] as Effect[];
    expect(await push(move, dirtying)).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', 'room 302 is not the room of a stay this change writes'),
    );
    const roomless = move.effects.map((effect): Effect =>
      effect.table === 'booking' ? { ...effect, row: { ...effect.row!, room_id: null } } : effect,
    );
    expect(await push(move, roomless)).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', expect.stringContaining('room_id is not the one the input names')),
    );

    // Housekeeping cannot empty an occupied room by hand (a check-in into it would then pass).
    const room301 = (await serverTable(p.server, p.propertyId, 'room')).get(hotel.rooms['301']!)!;
    const handSet: Mutation = variant(move, {
      name: 'housekeeping.setStatus',
      input: { roomId: hotel.rooms['301']!, status: 'vacant_clean' },
      effects: [
        { table: 'room', key: hotel.rooms['301']!, row: { ...room301, status: 'vacant_clean' }, columns: ['status'] },
      ],
    });
    expect(await push(handSet, handSet.effects)).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', expect.stringContaining('status may not go from occupied to vacant_clean by hand')),
    );
    expect(await p.state()).toEqual(before);
  });

  it('a check-in into a ready room held for another arrival is refused (WRITE_NOT_ALLOWED)', async () => {
    const { p, bookings } = await property(
      [
        [TODAY, '2026-11-28'],
        [TODAY, '2026-11-27'],
      ],
      async (founder, [held], { hotel }) => {
        await founder.call('frontDesk.assignRoom', { bookingId: held!.id, roomId: hotel.rooms['302']! });
      },
    );
    const [held, walkUp] = bookings;
    const { joined, attacker, hotel } = p;
    await joined.call('frontDesk.checkIn', { bookingId: walkUp!.id, roomId: hotel.rooms['302']! });
    const checkIn = await attacker.lastOutbox('frontDesk.checkIn');
    const before = await p.state();

    const [result] = await attacker.push(await claimingLatest(p, checkIn));

    expect(result).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', `room 302 is held by booking ${held!.id} on a night of ${walkUp!.id}`),
    );
    expect(await p.state()).toEqual(before);
  });

  it('a change of a stay that gives it another room, or keeps its room onto a night another stay holds it, is refused (WRITE_NOT_ALLOWED)', async () => {
    const { p, bookings } = await property(
      [
        ['2026-12-10', '2026-12-12'],
        ['2026-12-12', '2026-12-14'],
        ['2026-12-10', '2026-12-11'],
      ],
      async (founder, [held, following], { hotel }) => {
        await founder.call('frontDesk.assignRoom', { bookingId: held!.id, roomId: hotel.rooms['301']! });
        await founder.call('frontDesk.assignRoom', { bookingId: following!.id, roomId: hotel.rooms['301']! });
      },
    );
    const [held, following, roomless] = bookings;
    const { joined, attacker, hotel } = p;
    await syncDesk(joined);
    const change = (id: string, arrival: string, departure: string) =>
      joined.call('bookings.change', {
        id,
        arrival,
        departure,
        roomTypeId: hotel.standard,
        ratePlanId: null,
        adults: 2,
        children: 0,
        specialRequests: '',
        authorisation: BY_MESSAGE,
      });
    // A stay with no room changed, its row then naming 301.
    await change(roomless!.id, '2026-12-10', '2026-12-11');
    const plain = await attacker.lastOutbox('bookings.change');
    const given = plain.effects.map((effect): Effect =>
      effect.table === 'booking'
        ? {
            ...effect,
            row: { ...effect.row!, room_id: hotel.rooms['301']! },
            ...(effect.columns && { columns: [...effect.columns, 'room_id'] }),
          }
        : effect,
    );
    // The following stay brought a night forward: at the desk 301 lapses (the held stay has it on the 11th); the row keeps it.
    await change(following!.id, '2026-12-11', '2026-12-14');
    const moved = await attacker.lastOutbox('bookings.change');
    expect(rowIn(moved, 'booking').room_id).toBeNull();
    const kept = moved.effects.map((effect): Effect =>
      effect.table === 'booking' ? { ...effect, row: { ...effect.row!, room_id: hotel.rooms['301']! } } : effect,
    );
    const before = await p.state();

    const [another] = await attacker.push(await claimingLatest(p, plain, { effects: given }));
    const [keeping] = await attacker.push(await claimingLatest(p, moved, { effects: kept }));

    expect(another).toMatchObject(refusal('WRITE_NOT_ALLOWED', expect.stringContaining('room_id may only be cleared')));
    expect(keeping).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', `room 301 is held by booking ${held!.id} on a night of ${following!.id}`),
    );
    expect(await p.state()).toEqual(before);
    // As the desk made it (the room let go), the change goes through.
    expect(await attacker.push(await claimingLatest(p, moved))).toEqual([
      expect.objectContaining({ status: 'applied' }),
    ]);
  });

  it('a guest in house kept in 301 onto a night it is held for the next arrival is refused (WRITE_NOT_ALLOWED)', async () => {
    const { p, bookings } = await property(
      [
        [TODAY, '2026-11-28'],
        ['2026-11-28', '2026-11-30'],
      ],
      async (founder, [inHouse], { hotel }) => {
        await founder.call('frontDesk.checkIn', { bookingId: inHouse!.id, roomId: hotel.rooms['301']! });
      },
    );
    const [inHouse, next] = bookings;
    const { joined, attacker, hotel } = p;
    // The joined desk hears of the check-in, not of the hold given after; a change in house is the supervisor's.
    await syncDesk(joined);
    await p.founder.call('frontDesk.assignRoom', { bookingId: next!.id, roomId: hotel.rooms['301']! });
    await syncDesk(p.founder);
    await signIn(joined, 'chen');
    await joined.call('bookings.change', {
      id: inHouse!.id,
      arrival: TODAY,
      departure: '2026-11-29',
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '',
      authorisation: BY_MESSAGE,
    });
    const stretch = await attacker.lastOutbox('bookings.change');
    const before = await p.state();

    const [result] = await attacker.push(await claimingLatest(p, stretch));

    expect(result).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', `room 301 is held by booking ${next!.id} on a night of ${inHouse!.id}`),
    );
    // Nor may the guest in house lose their room to get past the check: only a kept room lapses.
    const roomless = stretch.effects.map((effect): Effect =>
      effect.table === 'booking'
        ? {
            ...effect,
            row: { ...effect.row!, room_id: null },
            ...(effect.columns && { columns: [...effect.columns, 'room_id'] }),
          }
        : effect,
    );
    const [dropped] = await attacker.push(await claimingLatest(p, stretch, { effects: roomless }));
    expect(dropped).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', expect.stringContaining('room_id may not be cleared while checked_in')),
    );
    expect(await p.state()).toEqual(before);
  });
});
