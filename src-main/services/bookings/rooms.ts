/**
 * Rooms for a stay: which a booking may be given (before arrival or at check-in) and the check that
 * no other live stay holds one over the same nights (src-shared/rules/room-holds.ts decides, here
 * and on the server). Giving a room to a booking writes the room's row (`claimRoom`): the room is an
 * aggregate root, so two desks giving it away apart are put in a serial order by sync.
 */
import type { Kysely } from 'kysely';
import type { RoomChoice } from '@shared/contract';
import { AppError } from '@shared/errors';
import { isReadyRoom, type BookingStatus } from '@shared/rules/booking-status';
import { roomHolder, type RoomStay } from '@shared/rules/room-holds';
import type { BookingRow, Database } from '../../db/schema';

export async function roomRow(db: Kysely<Database>, id: string) {
  const room = await db
    .selectFrom('room')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!room) throw new AppError('NOT_FOUND');
  return room;
}

/** The live stays that hold a room — one room, or the rooms of one type — the candidates roomHolder judges. */
async function heldStays(
  db: Kysely<Database>,
  rooms: { roomId: string } | { roomTypeId: string | null },
): Promise<RoomStay[]> {
  let query = db
    .selectFrom('booking')
    .innerJoin('room', 'room.id', 'booking.room_id')
    .select([
      'booking.id',
      'booking.number',
      'booking.room_id',
      'booking.status',
      'booking.arrival',
      'booking.departure',
    ])
    .where('booking.status', 'in', ['confirmed', 'checked_in'])
    .where('booking.deleted_at', 'is', null);
  if ('roomId' in rooms) query = query.where('booking.room_id', '=', rooms.roomId);
  else if (rooms.roomTypeId) query = query.where('room.room_type_id', '=', rooms.roomTypeId);
  return (await query.execute()).map((b) => ({
    id: b.id,
    number: b.number,
    roomId: b.room_id,
    status: b.status as BookingStatus,
    arrival: b.arrival,
    departure: b.departure,
  }));
}

/** The stay a room would be held for: a booking's nights, arrival … departure − 1. */
export interface HeldStay {
  id: string;
  arrival: string;
  departure: string;
}

/**
 * Rooms that may hold `stay`: in service (any housekeeping state before arrival; `ready` for a
 * check-in now), of `roomTypeId` when given, held by no other stay on its nights; lowest floor first.
 * An in-house booking holds its room too: a stay from today meets it.
 */
export async function roomsForStay(
  db: Kysely<Database>,
  stay: HeldStay,
  options: { roomTypeId: string | null; ready: boolean },
) {
  let query = db
    .selectFrom('room')
    .select(['id', 'number', 'floor', 'status', 'room_type_id'])
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'out_of_order');
  if (options.roomTypeId) query = query.where('room_type_id', '=', options.roomTypeId);
  const rooms = await query.orderBy('floor').orderBy('number').execute();
  const held = await heldStays(db, { roomTypeId: options.roomTypeId });
  // A guest still in a room past their departure keeps it occupied: not ready, so not checked in to.
  return rooms.filter(
    (room) => (!options.ready || isReadyRoom(room.status)) && roomHolder(room.id, stay, held) === null,
  );
}

/** Room choices for a booking, its own pre-assigned room first. */
export function asChoices(
  rooms: readonly { id: string; number: string; floor: number; status: RoomChoice['status']; room_type_id: string }[],
  booking: Pick<BookingRow, 'room_id'>,
): RoomChoice[] {
  const choices = rooms.map((r) => ({
    id: r.id,
    number: r.number,
    floor: r.floor,
    roomTypeId: r.room_type_id,
    status: r.status,
    assigned: r.id === booking.room_id,
  }));
  return [...choices.filter((c) => c.assigned), ...choices.filter((c) => !c.assigned)];
}

/** Refuses (ROOM_HELD) when another live stay holds the room on a night of `stay`. */
export async function assertRoomFree(db: Kysely<Database>, roomId: string, stay: HeldStay, roomNumber: string) {
  const holder = roomHolder(roomId, stay, await heldStays(db, { roomId }));
  if (holder) throw new AppError('ROOM_HELD', { room: roomNumber, number: holder.number ?? '' });
}

/**
 * Writes the room's row for a change in who holds it (its hold sequence, one more), so that sync
 * orders it with every other change of the room (see the header).
 */
export async function claimRoom(db: Kysely<Database>, roomId: string, at: string) {
  await db
    .updateTable('room')
    .set((eb) => ({ hold_seq: eb('hold_seq', '+', 1), updated_at: at }))
    .where('id', '=', roomId)
    .execute();
}

/**
 * The room a changed stay keeps. A guest in house keeps theirs, and a new night another stay holds
 * it on is refused (ROOM_HELD); a pre-assigned room lapses (null) when the room type changes or
 * another stay holds it on a new night. A kept room whose nights change is claimed again.
 */
export async function roomAfterChange(
  db: Kysely<Database>,
  booking: BookingRow,
  stay: { arrival: string; departure: string; roomTypeId: string },
  at: string,
): Promise<string | null> {
  if (booking.room_id === null) return null;
  const room = await db.selectFrom('room').selectAll().where('id', '=', booking.room_id).executeTakeFirst();
  const kept = booking.status === 'confirmed';
  // A kept room lapses when it no longer fits: another type asked for, the room gone or out of order.
  if (kept && (!room || room.deleted_at !== null || room.status === 'out_of_order')) return null;
  if (kept && stay.roomTypeId !== room!.room_type_id) return null;
  if (!room) throw new AppError('NOT_FOUND');
  const holder = roomHolder(room.id, { id: booking.id, ...stay }, await heldStays(db, { roomId: room.id }));
  if (holder && booking.status === 'checked_in')
    throw new AppError('ROOM_HELD', { room: room.number, number: holder.number ?? '' });
  if (holder) return null;
  if (stay.arrival !== booking.arrival || stay.departure !== booking.departure) await claimRoom(db, room.id, at);
  return room.id;
}
