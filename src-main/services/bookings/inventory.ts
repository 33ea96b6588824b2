/**
 * Room-type inventory per night, read from rooms (out-of-order ones excluded) and the nights
 * bookings hold. Always read inside the writing transaction, so a sale sees every earlier one.
 */
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import { firstSoldOutNight, type NightInventory } from '@shared/rules/availability';
import type { Database } from '../../db/schema';

export async function roomsByType(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('room')
    .select(['room_type_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'out_of_order')
    .groupBy('room_type_id')
    .execute();
  return new Map(rows.map((r) => [r.room_type_id, r.n]));
}

/** Sold nights per `night|roomTypeId` in [from, to). */
export async function soldNights(
  db: Kysely<Database>,
  from: string,
  to: string,
  roomTypeId?: string,
  excludeBookingId?: string,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('booking_night')
    .select(['night', 'room_type_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('night', '>=', from)
    .where('night', '<', to)
    .groupBy(['night', 'room_type_id']);
  if (roomTypeId) query = query.where('room_type_id', '=', roomTypeId);
  if (excludeBookingId) query = query.where('booking_id', '!=', excludeBookingId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [`${r.night}|${r.room_type_id}`, r.n]));
}

export async function nightInventory(
  db: Kysely<Database>,
  roomTypeId: string,
  nights: readonly string[],
  excludeBookingId?: string,
): Promise<NightInventory[]> {
  if (nights.length === 0) return [];
  const rooms = (await roomsByType(db)).get(roomTypeId) ?? 0;
  const sold = await soldNights(db, nights[0]!, `${nights.at(-1)!}~`, roomTypeId, excludeBookingId);
  return nights.map((night) => ({ night, rooms, sold: sold.get(`${night}|${roomTypeId}`) ?? 0 }));
}

export async function closedAmong(db: Kysely<Database>, nights: readonly string[]): Promise<string | null> {
  if (nights.length === 0) return null;
  const row = await db
    .selectFrom('closed_date')
    .select('date')
    .where('date', 'in', nights)
    .orderBy('date')
    .executeTakeFirst();
  return row?.date ?? null;
}

/** Refuses the nights unless each has a room of the type left (or the sale is an approved overbooking). */
export async function assertSellable(
  db: Kysely<Database>,
  roomTypeId: string,
  nights: readonly string[],
  options: { overbook: boolean; excludeBookingId?: string },
): Promise<void> {
  const closed = await closedAmong(db, nights);
  if (closed) throw new AppError('DATE_CLOSED', { date: closed });
  if (options.overbook) return;
  const soldOut = firstSoldOutNight(await nightInventory(db, roomTypeId, nights, options.excludeBookingId));
  if (soldOut) throw new AppError('BOOKING_SOLD_OUT', { night: soldOut });
}

export async function holdNights(
  db: Kysely<Database>,
  bookingId: string,
  roomTypeId: string,
  nights: readonly string[],
): Promise<void> {
  await db.deleteFrom('booking_night').where('booking_id', '=', bookingId).execute();
  if (nights.length)
    await db
      .insertInto('booking_night')
      .values(nights.map((night) => ({ booking_id: bookingId, night, room_type_id: roomTypeId })))
      .execute();
}

export async function releaseNights(db: Kysely<Database>, bookingId: string, fromNight?: string): Promise<void> {
  let query = db.deleteFrom('booking_night').where('booking_id', '=', bookingId);
  if (fromNight) query = query.where('night', '>=', fromNight);
  await query.execute();
}
