/**
 * 排房: a room given to a confirmed booking before the guest arrives is kept for them. No other stay
 * may be given it or checked in to it on its nights (ROOM_HELD, nothing written); check-in offers it
 * first; a change of dates keeps it while it stays free and lets it lapse when another stay holds it
 * (a guest in house is refused instead); a change of room type lets it go; taking it back frees it.
 * Every claim writes the room's row (its hold sequence), which is how sync orders claims.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
});
afterEach(() => desk.close());

const TODAY = '2026-11-26';

function book(arrival: string, departure: string, roomTypeId = hotel.standard) {
  return desk.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival,
    departure,
    roomTypeId,
    adults: 1,
  });
}

async function holdSeq(roomId: string) {
  return (
    await desk.services.db.selectFrom('room').select('hold_seq').where('id', '=', roomId).executeTakeFirstOrThrow()
  ).hold_seq;
}

const numbers = (rooms: { number: string }[]) => rooms.map((r) => r.number);

describe('排房: a room held before arrival', () => {
  it('is given from the rooms of the booked type no other stay holds, and shows on the booking and its history', async () => {
    const first = await book('2026-12-10', '2026-12-12');
    expect(numbers(await desk.call('frontDesk.assignableRooms', { bookingId: first.id }))).toEqual(['301', '302']);
    const before = await holdSeq(hotel.rooms['301']!);
    const held = await desk.call('frontDesk.assignRoom', { bookingId: first.id, roomId: hotel.rooms['301']! });
    expect(held.status).toBe('confirmed');
    expect(held.room?.number).toBe('301');
    expect(held.changes.at(-1)).toMatchObject({
      kind: 'room_assigned',
      before: { room: null },
      after: { room: '301' },
    });
    expect(await holdSeq(hotel.rooms['301']!)).toBe(before + 1);

    // An overlapping stay is not offered 301 and may not be given it; one starting on the departure day may.
    const overlapping = await book('2026-12-11', '2026-12-13');
    expect(numbers(await desk.call('frontDesk.assignableRooms', { bookingId: overlapping.id }))).toEqual(['302']);
    expect(await desk.fail('frontDesk.assignRoom', { bookingId: overlapping.id, roomId: hotel.rooms['301']! })).toEqual(
      {
        code: 'ROOM_HELD',
        params: { room: '301', number: first.number },
      },
    );
    expect((await desk.call('bookings.get', { id: overlapping.id })).room).toBeNull();
    const after = await book('2026-12-12', '2026-12-14');
    expect(numbers(await desk.call('frontDesk.assignableRooms', { bookingId: after.id }))).toEqual(['301', '302']);
    expect(
      (await desk.call('frontDesk.assignRoom', { bookingId: after.id, roomId: hotel.rooms['301']! })).room?.number,
    ).toBe('301');
  });

  it('refuses a room of another type, and a booking that is not confirmed; nothing changes', async () => {
    const booking = await book('2026-12-10', '2026-12-12');
    expect(await desk.fail('frontDesk.assignRoom', { bookingId: booking.id, roomId: hotel.rooms['501']! })).toEqual({
      code: 'ROOM_NOT_AVAILABLE',
      params: { room: '501' },
    });
    await desk.call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'out_of_order' });
    expect(numbers(await desk.call('frontDesk.assignableRooms', { bookingId: booking.id }))).toEqual(['301']);
    expect((await desk.fail('frontDesk.assignRoom', { bookingId: booking.id, roomId: hotel.rooms['302']! })).code).toBe(
      'ROOM_NOT_AVAILABLE',
    );
    const walkIn = await book(TODAY, '2026-11-27');
    await desk.call('frontDesk.checkIn', { bookingId: walkIn.id, roomId: hotel.rooms['301']! });
    expect(await desk.call('frontDesk.assignableRooms', { bookingId: walkIn.id })).toEqual([]);
    expect((await desk.fail('frontDesk.assignRoom', { bookingId: walkIn.id, roomId: null })).code).toBe(
      'BOOKING_STATE',
    );
    expect((await desk.call('bookings.get', { id: booking.id })).room).toBeNull();
  });

  it('is offered first at check-in, and no one else is checked in to it on its nights', async () => {
    const arriving = await book(TODAY, '2026-11-28');
    await desk.call('frontDesk.assignRoom', { bookingId: arriving.id, roomId: hotel.rooms['302']! });
    expect(await desk.call('frontDesk.suggestRooms', { bookingId: arriving.id })).toEqual([
      expect.objectContaining({ number: '302', assigned: true }),
      expect.objectContaining({ number: '301', assigned: false }),
    ]);
    const walkIn = await book(TODAY, '2026-11-27');
    expect(numbers(await desk.call('frontDesk.suggestRooms', { bookingId: walkIn.id }))).toEqual(['301']);
    expect(await desk.fail('frontDesk.checkIn', { bookingId: walkIn.id, roomId: hotel.rooms['302']! })).toEqual({
      code: 'ROOM_HELD',
      params: { room: '302', number: arriving.number },
    });
    expect((await desk.call('bookings.get', { id: walkIn.id })).status).toBe('confirmed');
    // Housekeeping sees whom the room is kept for today, until the guest is in.
    const board = async () => (await desk.call('housekeeping.board')).find((room) => room.number === '302')!;
    expect(await board()).toMatchObject({ arriving: { number: arriving.number, guestName: '王芳' }, guestName: null });
    const inHouse = await desk.call('frontDesk.checkIn', { bookingId: arriving.id, roomId: hotel.rooms['302']! });
    expect(inHouse.room?.number).toBe('302');
    expect(await board()).toMatchObject({ arriving: null, guestName: '王芳' });
    // A guest in house elsewhere cannot be moved into it either... it is occupied now.
    const other = await desk.call('frontDesk.checkIn', { bookingId: walkIn.id, roomId: hotel.rooms['301']! });
    expect(
      (await desk.fail('frontDesk.moveRoom', { bookingId: other.id, roomId: hotel.rooms['302']!, reason: '噪音' }))
        .code,
    ).toBe('ROOM_NOT_AVAILABLE');
  });

  it('is not a room a guest in house may be moved to over its nights', async () => {
    const arriving = await book('2026-11-27', '2026-11-29');
    await desk.call('frontDesk.assignRoom', { bookingId: arriving.id, roomId: hotel.rooms['302']! });
    const walkIn = await book(TODAY, '2026-11-28');
    await desk.call('frontDesk.checkIn', { bookingId: walkIn.id, roomId: hotel.rooms['301']! });
    // Offered: ready rooms no other stay holds, of any type (here only the suite).
    expect(numbers(await desk.call('frontDesk.moveTargets', { bookingId: walkIn.id }))).toEqual(['501']);
    await desk.call('frontDesk.assignRoom', { bookingId: arriving.id, roomId: null });
    expect(numbers(await desk.call('frontDesk.moveTargets', { bookingId: walkIn.id }))).toEqual(['302', '501']);
    await desk.call('frontDesk.assignRoom', { bookingId: arriving.id, roomId: hotel.rooms['302']! });
    expect(
      await desk.fail('frontDesk.moveRoom', { bookingId: walkIn.id, roomId: hotel.rooms['302']!, reason: '噪音' }),
    ).toEqual({
      code: 'ROOM_HELD',
      params: { room: '302', number: arriving.number },
    });
    expect((await desk.call('bookings.get', { id: walkIn.id })).room?.number).toBe('301');
  });

  it('stays through a change of dates while free, lapses when another stay holds a new night, and goes with a change of type', async () => {
    const held = await book('2026-12-10', '2026-12-12');
    await desk.call('frontDesk.assignRoom', { bookingId: held.id, roomId: hotel.rooms['301']! });
    const next = await book('2026-12-14', '2026-12-16');
    await desk.call('frontDesk.assignRoom', { bookingId: next.id, roomId: hotel.rooms['301']! });
    const change = (departure: string, roomTypeId = hotel.standard) =>
      desk.call('bookings.change', {
        id: held.id,
        arrival: '2026-12-10',
        departure,
        roomTypeId,
        ratePlanId: null,
        adults: 1,
        children: 0,
        specialRequests: '',
        authorisation: { method: 'message', reference: '微信' },
      });
    const seq = await holdSeq(hotel.rooms['301']!);
    expect((await change('2026-12-13')).room?.number).toBe('301');
    expect(await holdSeq(hotel.rooms['301']!)).toBe(seq + 1);
    const lapsed = await change('2026-12-15');
    expect(lapsed.room).toBeNull();
    expect((await desk.call('bookings.get', { id: next.id })).room?.number).toBe('301');
    expect(lapsed.changes.at(-1)?.after).toMatchObject({ roomId: null });

    await desk.call('frontDesk.assignRoom', { bookingId: held.id, roomId: hotel.rooms['302']! });
    expect((await change('2026-12-15', hotel.suite)).room).toBeNull();
  });

  it('lapses through a change of dates when the kept room went out of order meanwhile; the change itself stands', async () => {
    const held = await book('2026-12-10', '2026-12-12');
    await desk.call('frontDesk.assignRoom', { bookingId: held.id, roomId: hotel.rooms['301']! });
    await desk.call('housekeeping.setStatus', { roomId: hotel.rooms['301']!, status: 'out_of_order' });
    const changed = await desk.call('bookings.change', {
      id: held.id,
      arrival: '2026-12-10',
      departure: '2026-12-13',
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '',
      authorisation: { method: 'message', reference: '微信' },
    });
    expect(changed.departure).toBe('2026-12-13');
    expect(changed.room).toBeNull();
  });

  it('keeps a guest in house in their room: an extension over a night another stay holds is refused', async () => {
    const inHouse = await book(TODAY, '2026-11-27');
    await desk.call('frontDesk.checkIn', { bookingId: inHouse.id, roomId: hotel.rooms['301']! });
    const tomorrow = await book('2026-11-27', '2026-11-28');
    await desk.call('frontDesk.assignRoom', { bookingId: tomorrow.id, roomId: hotel.rooms['301']! });
    // A change for a guest already here needs a supervisor: chen makes it himself.
    await signIn(desk, 'chen');
    expect(
      await desk.fail('bookings.change', {
        id: inHouse.id,
        arrival: TODAY,
        departure: '2026-11-28',
        roomTypeId: hotel.standard,
        ratePlanId: null,
        adults: 1,
        children: 0,
        specialRequests: '',
        authorisation: { method: 'in_person', reference: '前台当面' },
      }),
    ).toEqual({ code: 'ROOM_HELD', params: { room: '301', number: tomorrow.number } });
    expect((await desk.call('bookings.get', { id: inHouse.id })).departure).toBe('2026-11-27');
  });

  it('taken back, frees the room for another stay', async () => {
    const held = await book('2026-12-10', '2026-12-12');
    await desk.call('frontDesk.assignRoom', { bookingId: held.id, roomId: hotel.rooms['301']! });
    const other = await book('2026-12-11', '2026-12-12');
    expect(numbers(await desk.call('frontDesk.assignableRooms', { bookingId: other.id }))).toEqual(['302']);
    const freed = await desk.call('frontDesk.assignRoom', { bookingId: held.id, roomId: null });
    expect(freed.room).toBeNull();
    expect(freed.changes.at(-1)).toMatchObject({
      kind: 'room_assigned',
      before: { room: '301' },
      after: { room: null },
    });
    expect(numbers(await desk.call('frontDesk.assignableRooms', { bookingId: other.id }))).toEqual(['301', '302']);
  });
});

describe('a conflict resolved by another room type', () => {
  it('moves a booking not yet here (a kept room of the old type lapses), never a guest in house — 换房 does that', async () => {
    const oversold = async (bookingId: string) => {
      const id = uuidv7();
      // As the server arbitrates an oversold night and sends it to every desk.
      await desk.services.db
        .insertInto('sync_conflict')
        .values({
          id,
          kind: 'room_inventory',
          subject_type: 'booking',
          subject_id: bookingId,
          detail_json: JSON.stringify({ night: TODAY, roomTypeId: hotel.standard, rooms: 2, sold: 3 }),
          device_id: desk.services.device.id,
          status: 'open',
          resolution: null,
          resolution_note: null,
          resolved_by: null,
          resolved_by_name: null,
          resolved_at: null,
          created_at: '2026-11-26T02:00:00.000Z',
          updated_at: '2026-11-26T02:00:00.000Z',
          server_version: 1,
        })
        .execute();
      return id;
    };
    const kept = await book(TODAY, '2026-11-27');
    await desk.call('frontDesk.assignRoom', { bookingId: kept.id, roomId: hotel.rooms['301']! });
    const inHouse = await book(TODAY, '2026-11-27');
    await desk.call('frontDesk.checkIn', { bookingId: inHouse.id, roomId: hotel.rooms['302']! });
    await signIn(desk, 'chen');
    const move = (id: string) =>
      ({ id, resolution: 'upgrade', roomTypeId: hotel.suite, note: '升级套房，客人同意' }) as const;

    expect((await desk.fail('conflicts.resolve', move(await oversold(inHouse.id)))).code).toBe('BOOKING_STATE');
    expect((await desk.call('bookings.get', { id: inHouse.id })).room?.number).toBe('302');

    await desk.call('conflicts.resolve', move(await oversold(kept.id)));
    const moved = await desk.call('bookings.get', { id: kept.id });
    expect(moved.roomType.id).toBe(hotel.suite);
    expect(moved.room).toBeNull();
  });
});
