/**
 * Housekeeping beyond clean and dirty: 查房合格 (inspected) after a clean room passes inspection,
 * sold and checked in like a clean vacant room; and attendants: a room given to an active member
 * of staff, taken back, never given to a disabled one; the write rule holds for what the desk wrote.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromJson } from '@shared/json';
import { checkWrites, writeRuleOf, type RowWrite } from '@shared/sync/write-rules';
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

async function roomOnBoard(number: string) {
  return (await desk.call('housekeeping.board')).find((room) => room.number === number)!;
}

async function staffId(username: string) {
  return (
    await desk.services.db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirstOrThrow()
  ).id;
}

describe('查房合格: an inspected room', () => {
  it('comes only from a clean room, and a dirty one must be cleaned first', async () => {
    const room = hotel.rooms['301']!;
    await desk.call('housekeeping.setStatus', { roomId: room, status: 'vacant_dirty' });
    expect(await desk.fail('housekeeping.setStatus', { roomId: room, status: 'inspected' })).toEqual({
      code: 'ROOM_STATUS',
    });
    expect((await roomOnBoard('301')).status).toBe('vacant_dirty');
    await desk.call('housekeeping.setStatus', { roomId: room, status: 'vacant_clean' });
    expect((await desk.call('housekeeping.setStatus', { roomId: room, status: 'inspected' })).status).toBe('inspected');
    // A failed second look sends it back to dirty.
    expect((await desk.call('housekeeping.setStatus', { roomId: room, status: 'vacant_dirty' })).status).toBe(
      'vacant_dirty',
    );
  });

  it('is suggested and checked in like a clean vacant room, and is dirty after check-out', async () => {
    const suite = hotel.rooms['501']!;
    await desk.call('housekeeping.setStatus', { roomId: suite, status: 'inspected' });
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: TODAY,
      departure: '2026-11-27',
      roomTypeId: hotel.suite,
      adults: 1,
    });
    expect((await desk.call('frontDesk.suggestRooms', { bookingId: booking.id })).map((r) => r.number)).toEqual([
      '501',
    ]);
    const inHouse = await desk.call('frontDesk.checkIn', { bookingId: booking.id, roomId: suite });
    expect(inHouse.room?.number).toBe('501');
    expect((await roomOnBoard('501')).status).toBe('occupied');
  });
});

describe('attendants', () => {
  it('lists active staff only, assigns a room and takes it back', async () => {
    const chen = await staffId('chen');
    const names = (await desk.call('housekeeping.attendants')).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['chen', 'lina', ADMIN.displayName]));

    const assigned = await desk.call('housekeeping.assign', { roomId: hotel.rooms['302']!, attendantId: chen });
    expect(assigned.attendant).toEqual({ id: chen, name: 'chen' });
    expect((await roomOnBoard('302')).attendant).toEqual({ id: chen, name: 'chen' });
    expect((await roomOnBoard('301')).attendant).toBeNull();

    expect(
      (await desk.call('housekeeping.assign', { roomId: hotel.rooms['302']!, attendantId: null })).attendant,
    ).toBeNull();
  });

  it('never gives a room to a disabled member of staff, or to someone unknown; nothing changes', async () => {
    const chen = await staffId('chen');
    await desk.call('housekeeping.assign', { roomId: hotel.rooms['301']!, attendantId: chen });
    await signIn(desk, ADMIN.username, ADMIN.password);
    const lina = await staffId('lina');
    await desk.call('staff.update', { id: lina, displayName: 'lina', role: 'agent', active: false });
    expect((await desk.call('housekeeping.attendants')).map((a) => a.id)).not.toContain(lina);

    expect(await desk.fail('housekeeping.assign', { roomId: hotel.rooms['301']!, attendantId: lina })).toEqual({
      code: 'ATTENDANT_NOT_ACTIVE',
    });
    expect(
      await desk.fail('housekeeping.assign', {
        roomId: hotel.rooms['301']!,
        attendantId: '0192f000-0000-7000-8000-0000000000ff',
      }),
    ).toEqual({ code: 'ATTENDANT_NOT_ACTIVE' });
    expect((await roomOnBoard('301')).attendant).toEqual({ id: chen, name: 'chen' });
  });

  it('writes within its rule: that room, that attendant', async () => {
    const chen = await staffId('chen');
    await desk.call('housekeeping.assign', { roomId: hotel.rooms['302']!, attendantId: chen });
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .selectAll()
      .where('name', '=', 'housekeeping.assign')
      .executeTakeFirstOrThrow();
    const writer = {
      actor: { id: outbox.actor_id!, username: 'lina', displayName: 'lina', role: 'agent' },
      deviceId: desk.services.device.id,
      input: fromJson(outbox.input_json),
    };
    const befores = fromJson(outbox.befores_json);
    const writes: RowWrite[] = fromJson(outbox.effects_json).map((effect) => ({
      table: effect.table,
      key: effect.key,
      before: befores.find((b) => b.table === effect.table && b.key === effect.key)?.row ?? null,
      after: effect.row,
      columns: effect.columns ?? null,
    }));
    const rule = writeRuleOf('housekeeping.assign');
    expect(checkWrites(rule, writes, writer)).toBeNull();
    const tamper = (change: Record<string, unknown>) =>
      writes.map((write) => ({ ...write, after: { ...write.after!, ...change } }));
    expect(checkWrites(rule, tamper({ attendant_id: await staffId('lina') }), writer)).toMatchObject({ table: 'room' });
    const statusToo = tamper({ status: 'inspected' }).map((write) => ({
      ...write,
      columns: [...(write.columns ?? []), 'status'],
    }));
    expect(checkWrites(rule, statusToo, writer)).toMatchObject({ table: 'room' });
  });
});
