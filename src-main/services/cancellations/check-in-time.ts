/** The property's check-in time: the instant a stay starts, from which "N hours before arrival" counts. */
import type { Kysely } from 'kysely';
import { DEFAULT_CHECK_IN_TIME } from '@shared/rules/cancellation';
import type { Database } from '../../db/schema';
import { readSetting } from '../settings/values';

export { DEFAULT_CHECK_IN_TIME };

export async function checkInTime(db: Kysely<Database>): Promise<string> {
  return (await readSetting(db, 'checkInTime')) ?? DEFAULT_CHECK_IN_TIME;
}
