/** The price of a stay under a rate plan (or the base rate), as the shared rule computes it. */
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import { priceBreakdown, ratePricesFromRows, type NightPrice } from '@shared/rules/pricing';
import type { Database } from '../../db/schema';

export async function roomTypeRow(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('room_type').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function ratePlanRow(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('rate_plan').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function quoteStay(db: Kysely<Database>, roomTypeId: string, ratePlanId: string | null, arrival: string, departure: string): Promise<{ nights: NightPrice[]; totalFen: number }> {
  const roomType = await roomTypeRow(db, roomTypeId);
  if (!ratePlanId) return priceBreakdown([], roomType.base_rate_fen, arrival, departure);
  await ratePlanRow(db, ratePlanId);
  const rows = await db.selectFrom('rate_plan_price').selectAll().where('rate_plan_id', '=', ratePlanId).where('room_type_id', '=', roomTypeId).execute();
  // The server prices a pushed sale from its copy of these rows with the same two functions.
  return priceBreakdown(ratePricesFromRows(rows), roomType.base_rate_fen, arrival, departure);
}
