/** Allocates human numbers (bookings, tickets, customers) from per-desk sequences, inside the caller's transaction. */
import type { Kysely } from 'kysely';
import { formatNumber, type NumberPrefix } from '@shared/rules/numbers';
import type { Database } from '../db/schema';
import { madeNumber } from './made';
import type { DeskPorts } from './rpc/handler';

async function next(db: Kysely<Database>, scope: string): Promise<number> {
  const row = await db
    .insertInto('number_sequence')
    .values({ scope, last: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ last: eb('number_sequence.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** e.g. B261126-5ZMM-007: unique across desks without asking a server. */
export async function nextNumber(
  db: Kysely<Database>,
  desk: Pick<DeskPorts, 'device'>,
  prefix: NumberPrefix,
  date: string,
): Promise<string> {
  return madeNumber(async () => formatNumber(prefix, date, desk.device.code, await next(db, `${prefix}:${date}`)));
}

/** e.g. C5ZMM000042 for a guest profile, M5ZMM000007 for a membership made at this desk. */
export async function nextDeskCode(
  db: Kysely<Database>,
  desk: Pick<DeskPorts, 'device'>,
  prefix: 'C' | 'M',
): Promise<string> {
  return madeNumber(async () => `${prefix}${desk.device.code}${String(await next(db, prefix)).padStart(6, '0')}`);
}
