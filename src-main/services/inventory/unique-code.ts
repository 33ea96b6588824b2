/** Codes (room types, rate plans, ticket products) are unique per property, tombstones included. */
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';

/** Refuses a code another row already uses; deleted rows count too, as the column is unique in the database. */
export async function assertCodeFree(
  db: Kysely<Database>,
  table: 'room_type' | 'rate_plan' | 'ticket_product',
  code: string,
  ownId: string | undefined,
): Promise<void> {
  let q = db.selectFrom(table).select('id').where('code', '=', code);
  if (ownId) q = q.where('id', '!=', ownId);
  if (await q.executeTakeFirst()) throw new AppError('CODE_TAKEN', { code });
}
