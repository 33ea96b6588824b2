/** What has been paid on a booking (refunds are negative payments), in all or by one method. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function paidFen(db: Kysely<Database>, bookingId: string, method?: string): Promise<number> {
  let query = db
    .selectFrom('payment')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('paid'))
    .where('booking_id', '=', bookingId);
  if (method) query = query.where('method', '=', method);
  const { paid } = await query.executeTakeFirstOrThrow();
  return Number(paid);
}
