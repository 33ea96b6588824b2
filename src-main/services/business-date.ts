/**
 * The business date: the property's trading day, which the night audit rolls forward. Until the
 * first audit it is today's date in the property's time zone.
 */
import type { Kysely } from 'kysely';
import { localDateOf } from '@shared/time';
import type { Database } from '../db/schema';
import { loadProperty } from './auth/session-info';

const KEY = 'businessDate';

export async function businessDate(db: Kysely<Database>, now: Date): Promise<string> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (row) return JSON.parse(row.value_json) as string;
  return localDateOf(now, (await loadProperty(db)).timeZone);
}

export async function setBusinessDate(db: Kysely<Database>, date: string): Promise<void> {
  const value_json = JSON.stringify(date);
  await db
    .insertInto('setting')
    .values({ key: KEY, value_json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json }))
    .execute();
}
