/**
 * Queues a mutation for sync: an outbox row with the next per-device sequence number and the rows
 * it wrote — after checking those rows against the operation's write rule, so a handler that
 * writes outside what its operation may write fails here, at the desk, before any server sees it.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { checkWrites, writeRuleOf, type Writer } from '@shared/sync/write-rules';
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

/**
 * Call last in the mutation's transaction: takes every synced row written since `mark` (taken when
 * the mutation began) and checks them against the operation's write rule.
 */
export async function takeCheckedEffects(db: Kysely<Database>, name: string, writer: Writer, mark: number): Promise<Effect[]> {
  const taken = await takeEffects(db, mark);
  const writes = taken.map(({ effect, before }) => ({ table: effect.table, key: effect.key, before, after: effect.row, columns: effect.columns ?? null }));
  const violation = checkWrites(writeRuleOf(name), writes, writer);
  if (violation) throw new Error(`${name} wrote outside its write rule: ${violation.table} ${violation.key}: ${violation.problem}`);
  return taken.map(({ effect }) => effect);
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
