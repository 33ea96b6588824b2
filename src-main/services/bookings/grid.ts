/** The availability grid (room types × nights) and the room rack (rooms × nights with bookings as bars). */
import type { Kysely } from 'kysely';
import type { AvailabilityRow, RackRow } from '@shared/contract';
import { available } from '@shared/rules/availability';
import { addDays, dateRange } from '@shared/rules/stay';
import type { Database } from '../../db/schema';
import { roomsByType, soldNights } from './inventory';

export async function availabilityGrid(db: Kysely<Database>, from: string, count: number): Promise<AvailabilityRow[]> {
  const nights = dateRange(from, count);
  const to = addDays(from, count);
  const types = await db
    .selectFrom('room_type')
    .select(['id', 'name'])
    .where('deleted_at', 'is', null)
    .orderBy('base_rate_fen')
    .execute();
  const rooms = await roomsByType(db);
  const sold = await soldNights(db, from, to);
  const closed = new Set(
    (await db.selectFrom('closed_date').select('date').where('date', '>=', from).where('date', '<', to).execute()).map(
      (r) => r.date,
    ),
  );
  return types.map((type) => ({
    roomTypeId: type.id,
    roomTypeName: type.name,
    cells: nights.map((night) => {
      const inventory = { night, rooms: rooms.get(type.id) ?? 0, sold: sold.get(`${night}|${type.id}`) ?? 0 };
      return { ...inventory, available: available(inventory), closed: closed.has(night) };
    }),
  }));
}

export async function roomRack(db: Kysely<Database>, from: string, count: number): Promise<RackRow[]> {
  const last = addDays(from, count - 1);
  const rooms = await db
    .selectFrom('room')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('floor')
    .orderBy('number')
    .execute();
  const bookings = await db
    .selectFrom('booking')
    .innerJoin('guest', 'guest.id', 'booking.guest_id')
    .select([
      'booking.id',
      'booking.number',
      'booking.room_id',
      'booking.arrival',
      'booking.departure',
      'booking.status',
      'guest.name as guest_name',
    ])
    .where('booking.room_id', 'is not', null)
    // In house, left, or kept for a guest on the way (排房).
    .where('booking.status', 'in', ['confirmed', 'checked_in', 'checked_out'])
    .where('booking.arrival', '<=', last)
    .where('booking.departure', '>', from)
    .execute();
  return rooms.map((room) => ({
    roomId: room.id,
    number: room.number,
    floor: room.floor,
    roomTypeId: room.room_type_id,
    status: room.status,
    bars: bookings
      .filter((b) => b.room_id === room.id)
      .map((b) => ({
        bookingId: b.id,
        number: b.number,
        guestName: b.guest_name,
        from: b.arrival < from ? from : b.arrival,
        to: addDays(b.departure, -1) > last ? last : addDays(b.departure, -1),
        status: b.status,
      })),
  }));
}
