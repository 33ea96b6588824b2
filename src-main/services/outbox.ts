/**
 * Queues a mutation for sync: an outbox row with the next per-device sequence number and the rows
 * it wrote — after checking those rows against the operation's write rule, so a handler that
 * writes outside what its operation may write fails here, at the desk, before any server sees it.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { rootsOf } from '@shared/sync/aggregates';
import { checkWrites, writeRuleOf, type Writer } from '@shared/sync/write-rules';
import { DESK_SCHEMA_VERSION, type Effect } from '@shared/sync/protocol';
import type { Database } from '../db/schema';
import { takeEffects } from '../sync/effects';
import type { Made } from './made';
import { toJson } from '@shared/json';

export interface OutboxEntry {
  /** Made with the intent when it is signed; a new one otherwise. */
  id?: string;
  name: string;
  input: unknown;
  actorId: string | null;
  approvalId: string | null;
  signedBy?: string | null;
  signature?: string | null;
}

/** What a mutation wrote: its effects, the same rows as they were before it, and the versions of the roots it wrote as this desk saw them. */
export interface Written {
  effects: Effect[];
  befores: Effect[];
  bases: Record<string, number>;
  /** The ids and numbers its handler made (none for writes outside a handler). */
  made?: Made;
}

/** Writes that were based on nothing the desk pulled (the founding snapshot, writes outside any mutation). */
export function unbased(effects: Effect[]): Written {
  return { effects, befores: [], bases: {} };
}

/**
 * Call last in the mutation's transaction: takes every synced row written since `mark` (taken when
 * the mutation began) and checks them against the operation's write rule.
 */
export async function takeCheckedEffects(
  db: Kysely<Database>,
  name: string,
  writer: Writer,
  mark: number,
): Promise<Written> {
  const taken = await takeEffects(db, mark);
  const writes = taken.map(({ effect, before }) => ({
    table: effect.table,
    key: effect.key,
    before,
    after: effect.row,
    columns: effect.columns ?? null,
  }));
  const violation = checkWrites(writeRuleOf(name), writes, writer);
  if (violation)
    throw new Error(`${name} wrote outside its write rule: ${violation.table} ${violation.key}: ${violation.problem}`);
  const roots = [...rootsOf(writes.map(({ table, after, before }) => ({ table, row: after, before })))];
  const seen =
    roots.length === 0
      ? []
      : await db.selectFrom('sync_root').select(['root_key', 'version']).where('root_key', 'in', roots).execute();
  const versions = new Map(seen.map((row) => [row.root_key, row.version]));
  return {
    effects: taken.map(({ effect }) => effect),
    befores: taken.map(({ effect, before }) => ({ table: effect.table, key: effect.key, row: before })),
    bases: Object.fromEntries(roots.map((root) => [root, versions.get(root) ?? 0])),
  };
}

export async function queueMutation(
  db: Kysely<Database>,
  deviceId: string,
  entry: OutboxEntry,
  written: Written,
  at: Date,
): Promise<number> {
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
      id: entry.id ?? uuidv7(),
      name: entry.name,
      input_json: toJson(entry.input),
      schema_version: DESK_SCHEMA_VERSION,
      created_at: at.toISOString(),
      effects_json: toJson(written.effects),
      befores_json: toJson(written.befores),
      bases_json: toJson(written.bases),
      made_json: toJson(written.made ?? { ids: [], numbers: [] }),
      actor_id: entry.actorId,
      approval_id: entry.approvalId,
      signed_by: entry.signedBy ?? null,
      signature: entry.signature ?? null,
    })
    .execute();
  return seq;
}
