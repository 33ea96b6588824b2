/** Queues a mutation for sync: an outbox row with the next per-device sequence number. */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../db/migrations';
import type { Database } from '../db/schema';

export async function appendOutbox(db: Kysely<Database>, deviceId: string, name: string, input: unknown, at: Date): Promise<number> {
  const { last_seq: seq } = await db
    .updateTable('device')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', deviceId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('outbox')
    .values({ seq, id: uuidv7(), name, input_json: JSON.stringify(input), schema_version: SCHEMA_VERSION, created_at: at.toISOString() })
    .execute();
  return seq;
}
