/** The property's check-in time: the instant a stay starts, from which "N hours before arrival" counts. */
import type { Kysely } from 'kysely';
import { DEFAULT_CHECK_IN_TIME } from '@shared/rules/cancellation';
import type { Database } from '../../db/schema';

const KEY = 'checkInTime';
export { DEFAULT_CHECK_IN_TIME };

export async function checkInTime(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as string) : DEFAULT_CHECK_IN_TIME;
}
