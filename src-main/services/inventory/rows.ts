/** Reading room types, rooms and rate plans as the contract's shapes, and the lookups saves share. */
import type { Kysely } from 'kysely';
import type { RatePlan, Room, RoomType } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';
import { readPolicy } from '../cancellations/policy';
import { fromJson } from '@shared/json';

export async function loadRoomTypes(db: Kysely<Database>, id?: string): Promise<RoomType[]> {
  let q = db
    .selectFrom('room_type')
    .select((eb) => [
      'room_type.id',
      'room_type.code',
      'room_type.name',
      'room_type.name_en',
      'room_type.capacity',
      'room_type.base_rate_fen',
      eb
        .selectFrom('room')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('room.room_type_id', '=', 'room_type.id')
        .where('room.deleted_at', 'is', null)
        .as('rooms'),
    ])
    .where('room_type.deleted_at', 'is', null);
  if (id) q = q.where('room_type.id', '=', id);
  const rows = await q.orderBy('room_type.code').execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    capacity: row.capacity,
    baseRateFen: row.base_rate_fen,
    rooms: Number(row.rooms ?? 0),
  }));
}

export async function findRoomType(db: Kysely<Database>, id: string): Promise<RoomType> {
  const [type] = await loadRoomTypes(db, id);
  if (!type) throw new AppError('NOT_FOUND');
  return type;
}

export async function loadRooms(db: Kysely<Database>, id?: string): Promise<Room[]> {
  let q = db.selectFrom('room').selectAll().where('deleted_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const rows = await q.orderBy('floor').orderBy('number').execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    floor: row.floor,
    roomTypeId: row.room_type_id,
    features: fromJson(row.features_json),
    status: row.status,
  }));
}

export async function findRoom(db: Kysely<Database>, id: string): Promise<Room> {
  const [room] = await loadRooms(db, id);
  if (!room) throw new AppError('NOT_FOUND');
  return room;
}

export async function loadRatePlans(db: Kysely<Database>, id?: string): Promise<RatePlan[]> {
  let q = db.selectFrom('rate_plan').selectAll().where('deleted_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const plans = await q.orderBy('code').execute();
  if (plans.length === 0) return [];
  const prices = await db
    .selectFrom('rate_plan_price')
    .selectAll()
    .where(
      'rate_plan_id',
      'in',
      plans.map((p) => p.id),
    )
    // UUIDv7 ids grow with creation, so they order the prices of one save as they were given.
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return plans.map((plan) => ({
    id: plan.id,
    code: plan.code,
    name: plan.name,
    nameEn: plan.name_en,
    memberOnly: plan.member_only === 1,
    channels: fromJson(plan.channels_json),
    cancellationPolicy: readPolicy(plan.cancellation_policy_json),
    prices: prices
      .filter((price) => price.rate_plan_id === plan.id)
      .map((price) => ({
        id: price.id,
        roomTypeId: price.room_type_id,
        startDate: price.start_date,
        endDate: price.end_date,
        weekdays: price.weekdays,
        priceFen: price.price_fen,
      })),
  }));
}

export async function findRatePlan(db: Kysely<Database>, id: string): Promise<RatePlan> {
  const [plan] = await loadRatePlans(db, id);
  if (!plan) throw new AppError('NOT_FOUND');
  return plan;
}
