/** Queues a mutation for sync: an outbox row with the next per-device sequence number and the rows it wrote. */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../db/migrations';
import type { Effect } from '@shared/sync/protocol';
import type { Database } from '../db/schema';
import { takeEffects } from '../sync/effects';

export interface OutboxEntry {
  name: string;
  input: unknown;
  actorId: string | null;
  approvalId: string | null;
}

/** Call last in the mutation's transaction: it takes every synced row written since `mark` (taken when the mutation began). */
export async function appendOutbox(db: Kysely<Database>, deviceId: string, entry: OutboxEntry, mark: number, at: Date): Promise<number> {
  return queueMutation(db, deviceId, entry, await takeEffects(db, mark), at);
}

export async function queueMutation(db: Kysely<Database>, deviceId: string, entry: OutboxEntry, effects: readonly Effect[], at: Date): Promise<number> {
  const { last_seq: seq } = await db
    .updateTable('device')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', deviceId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('outbox')
    .values({
      seq,
      id: uuidv7(),
      name: entry.name,
      input_json: JSON.stringify(entry.input),
      schema_version: SCHEMA_VERSION,
      created_at: at.toISOString(),
      effects_json: JSON.stringify(effects),
      actor_id: entry.actorId,
      approval_id: entry.approvalId,
    })
    .execute();
  return seq;
}
