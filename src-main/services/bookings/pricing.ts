/** The price of a stay under a rate plan (or the base rate), as the shared rule computes it. */
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import { priceBreakdown, ratePricesFromRows, type NightPrice } from '@shared/rules/pricing';
import type { Database, RatePlanTable, RoomTypeTable } from '../../db/schema';
import type { Selectable } from 'kysely';

export async function roomTypeRow(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('room_type')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function ratePlanRow(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('rate_plan')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export type StayPrice = { nights: NightPrice[]; totalFen: number };

/** The price of a stay of a room type (and rate plan) already read. */
export async function priceStay(
  db: Kysely<Database>,
  roomType: Selectable<RoomTypeTable>,
  plan: Selectable<RatePlanTable> | null,
  arrival: string,
  departure: string,
): Promise<StayPrice> {
  if (!plan) return priceBreakdown([], roomType.base_rate_fen, arrival, departure);
  const rows = await db
    .selectFrom('rate_plan_price')
    .selectAll()
    .where('rate_plan_id', '=', plan.id)
    .where('room_type_id', '=', roomType.id)
    .execute();
  // The server prices a pushed sale from its copy of these rows with the same two functions.
  return priceBreakdown(ratePricesFromRows(rows), roomType.base_rate_fen, arrival, departure);
}

export async function quoteStay(
  db: Kysely<Database>,
  roomTypeId: string,
  ratePlanId: string | null,
  arrival: string,
  departure: string,
): Promise<StayPrice> {
  const roomType = await roomTypeRow(db, roomTypeId);
  return priceStay(db, roomType, ratePlanId ? await ratePlanRow(db, ratePlanId) : null, arrival, departure);
}
