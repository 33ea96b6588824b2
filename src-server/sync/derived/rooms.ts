/**
 * Who holds a room, checked against the server's own rows: a booking given a room (before arrival,
 * at check-in, by a move, or keeping it through a change of dates) must be given one of its room
 * type that no other live stay holds on any of its nights (src-shared/rules/room-holds.ts); a guest
 * checked in or moved into it needs it ready (clean or inspected). An honest desk never gets here
 * with a clash: the room is an aggregate root, so a desk that did not see another's claim is sent
 * back as stale first. This is what refuses a desk that claims anyway.
 */
import { isReadyRoom, type BookingStatus } from '@shared/rules/booking-status';
import { holdsRoom, roomHolder, type RoomStay } from '@shared/rules/room-holds';
import type { Rejection } from '../authority';
import type { Derivation } from './facts';

const notAllowed = (detail: string): Rejection => ({ reason: 'WRITE_NOT_ALLOWED', detail });

function stayOf(row: {
  id: string;
  room_id: string | null;
  status: string;
  arrival: string;
  departure: string;
}): RoomStay {
  return {
    id: row.id,
    roomId: row.room_id,
    status: row.status as BookingStatus,
    arrival: row.arrival,
    departure: row.departure,
  };
}

export async function checkRoomHolds(d: Derivation): Promise<Rejection | null> {
  for (const { before, after } of d.rows.updated('booking')) {
    const stay = stayOf(after);
    if (!holdsRoom(stay)) continue;
    const unchanged =
      before.room_id === after.room_id &&
      before.status === after.status &&
      before.arrival === after.arrival &&
      before.departure === after.departure &&
      before.room_type_id === after.room_type_id;
    if (unchanged) continue;
    const roomId = stay.roomId!;
    const room = await d.facts.row('room', roomId);
    if (!room || room.deleted_at !== null) return notAllowed(`room ${roomId} does not exist`);
    // A room newly given must fit the booking; one kept through a change of dates only needs to be free.
    const given = before.room_id !== after.room_id || before.status !== after.status;
    if ((given || before.room_type_id !== after.room_type_id) && room.room_type_id !== after.room_type_id)
      return notAllowed(`room ${room.number} is not of the booking's room type`);
    if (given && room.status === 'out_of_order') return notAllowed(`room ${room.number} is out of order`);
    // A guest goes into a room (checked in, or moved) only if it was ready: read from the server's
    // row, since a desk may leave the room's own row out of what it sends.
    const entering = after.status === 'checked_in' && (before.status !== 'checked_in' || before.room_id !== roomId);
    if (entering && !isReadyRoom(room.status)) return notAllowed(`room ${room.number} is not ready (${room.status})`);
    const others = (await d.facts.mentioning('booking', 'room_id', roomId)).map(({ row }) => stayOf(row));
    const holder = roomHolder(roomId, stay, others);
    if (holder) return notAllowed(`room ${room.number} is held by booking ${holder.id} on a night of ${after.id}`);
  }
  return null;
}

/**
 * A room's state changed by a stay (a move leaving one room dirty and taking another, a check-out)
 * must be a room of that stay — the booking's room before or after the mutation, by the server's
 * own row — not another guest's room dirtied on the way.
 */
export function checkRoomsOfStay(d: Derivation): Rejection | null {
  const ofStay = new Set(
    d.rows
      .updated('booking')
      .flatMap(({ before, after }) => [before.room_id, after.room_id].filter((id) => id !== null)),
  );
  for (const { after } of d.rows.updated('room'))
    if (!ofStay.has(after.id)) return notAllowed(`room ${after.number} is not the room of a stay this change writes`);
  return null;
}
