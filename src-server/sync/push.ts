/**
 * POST /sync/push: the request's mutations in sequence order, in one transaction under the
 * property's lock. A replayed sequence gets its stored answer; the next one is checked, applied,
 * arbitrated and answered. Each mutation's effects, any conflict record, its stored result and
 * the device's sequence are written together, and the request commits or rolls back whole, so
 * an answer the desk never heard is replayed, never re-applied; the desk's audit chain head is
 * checked against its checkpoints last, in the same transaction. (One transaction per request
 * rather than per mutation: a third of the round trips and one lock wait per batch.)
 */
import { fromJson, toJson } from '@shared/json';
import { rootsOf } from '@shared/sync/aggregates';
import type {
  AuditChainReport,
  CheckpointRefusal,
  PushedMutation,
  PushResponse,
  PushResult,
} from '@shared/sync/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { ServerDatabase } from '../db/connection';
import type { Database, PushResultTable } from '../db/schema';
import { SyncError } from '../errors';
import type { Device } from './auth';
import { checkApproval, useApproval } from './approvals';
import { releaseBlobs } from './blobs';
import { checkAuditChain } from './checkpoints';
import { AuthorityCache, authorise, type Pusher, type Rejection } from './authority';
import { recordConflicts } from './conflict-rows';
import { checkDerived } from './derived';
import { confirmedRedemptions, findContests, type AppliedWrite } from './contested';
import { currentEffects, movedRoots, writeRow } from './rows';
import { checkSignature } from './signatures';
import { checkUnique, prepareWrites, type ServerWrite } from './writes';
import { inPropertyTransaction, type PropertyLock } from './versions';
import { currentOperationName } from '@shared/sync/renamed-operations';

export interface PushOptions {
  /** The desk's audit chain as it reports it (src-server/sync/checkpoints.ts). */
  audit?: AuditChainReport;
  now?: Date;
  /** Told the first time a rewritten chain is refused (the route logs it as an attack). */
  onRewrittenChain?: (refusal: CheckpointRefusal) => void;
}

export async function pushMutations(
  server: ServerDatabase,
  device: Device,
  mutations: readonly PushedMutation[],
  options: PushOptions = {},
): Promise<PushResponse> {
  const now = options.now ?? new Date();
  return inPropertyTransaction(server, device.property_id, async (db, lock) => {
    const pusher: Pusher = {
      propertyId: device.property_id,
      deviceId: device.id,
      foundingDeviceId: lock.foundingDeviceId,
    };
    // Read under the property's lock: a retry of this desk's own request waits here for the first to commit.
    const { last_seq: before } = await db
      .selectFrom('device')
      .select('last_seq')
      .where('id', '=', device.id)
      .executeTakeFirstOrThrow();
    const checks = new AuthorityCache();
    const results: PushResult[] = [];
    let lastSeq = before;
    for (const mutation of mutations) {
      if (mutation.seq <= lastSeq) {
        const stored = await storedResult(db, device.id, mutation);
        // Never answer one mutation with another's result: a desk restored from an older backup numbers new work anew.
        if (stored === null) throw new SyncError('SEQ_BEHIND', { lastSeq });
        results.push(stored);
        continue;
      }
      if (mutation.seq > lastSeq + 1) {
        // With results to report the desk resends from lastSeq + 1 anyway; without, it must hear about the gap.
        if (results.length === 0) throw new SyncError('SEQ_GAP', { lastSeq });
        break;
      }
      const result = await decide(db, pusher, lock, checks, mutation, now);
      // A stale mutation is re-run by its desk and sent again under the same sequence: nothing is stored, and what follows it waits.
      if (result.status === 'stale') {
        results.push(result);
        break;
      }
      await storeResult(db, device.id, mutation, result, now);
      results.push(result);
      lastSeq = mutation.seq;
    }
    if (lastSeq !== before)
      await db.updateTable('device').set({ last_seq: lastSeq }).where('id', '=', device.id).execute();
    const audit = await checkAuditChain(db, device, options.audit, now);
    if (audit.firstSeen && audit.refused) options.onRewrittenChain?.(audit.refused);
    return {
      lastSeq,
      results,
      checkpoint: audit.checkpoint,
      ...(audit.refused && { checkpointRefused: audit.refused }),
    };
  });
}

async function storeResult(
  db: Kysely<Database>,
  deviceId: string,
  mutation: PushedMutation,
  result: PushResult,
  now: Date,
): Promise<void> {
  await db
    .insertInto('push_result')
    .values({
      device_id: deviceId,
      seq: mutation.seq,
      mutation_id: mutation.id,
      name: mutation.name,
      status: result.status,
      reason: result.reason ?? null,
      detail: result.detail ?? null,
      conflict_id: result.conflictId ?? null,
      restore_json: result.restore ? toJson(result.restore) : null,
      at: now.toISOString(),
    })
    .execute();
}

/** The first answer to a mutation of the property that already came with this id (a replayed or copied mutation, or the desk's own renumbered one). */
async function earlierAnswer(
  db: Kysely<Database>,
  propertyId: string,
  mutationId: string,
): Promise<Selectable<PushResultTable> | null> {
  const row = await db
    .selectFrom('push_result')
    .innerJoin('device', 'device.id', 'push_result.device_id')
    .selectAll('push_result')
    .where('push_result.mutation_id', '=', mutationId)
    .where('device.property_id', '=', propertyId)
    .orderBy('push_result.at')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** Every check, in order; the first refusal wins and nothing of the mutation is written. */
async function check(
  db: Kysely<Database>,
  pusher: Pusher,
  checks: AuthorityCache,
  mutation: PushedMutation,
  signedName: string,
  now: Date,
): Promise<
  { writes: ServerWrite[] } | { rejection: Rejection } | { stale: Record<string, number> } | { again: PushResult }
> {
  const earlier = await earlierAnswer(db, pusher.propertyId, mutation.id);
  // The desk's own mutation under a new sequence (it renumbered after a restore): the first answer stands, nothing is written again.
  if (earlier && earlier.device_id === pusher.deviceId && earlier.name === signedName)
    return { again: { ...toResult(earlier), seq: mutation.seq } };
  if (earlier) return { rejection: { reason: 'REPLAYED', detail: mutation.id } };
  const authorised = await authorise(db, pusher, mutation, checks, now);
  if ('rejection' in authorised) return authorised;
  // The desk's own jobs have no one to sign; everyone else's intents must be signed.
  const unsigned =
    authorised.writer.actor === null
      ? null
      : await checkSignature(db, pusher, { ...mutation, name: signedName }, checks);
  if (unsigned) return { rejection: unsigned };
  // Based on what another desk has changed since: the desk re-runs it on the newer state — before any
  // rule judges its rows against the server's, which it did not see.
  const deleted = await currentEffects(
    db,
    pusher.propertyId,
    mutation.effects.filter((effect) => effect.row === null),
  );
  const roots = rootsOf(
    [...mutation.effects, ...deleted]
      .filter((effect) => effect.row !== null)
      .map((effect) => ({ table: effect.table, row: effect.row })),
  );
  const moved = await movedRoots(db, pusher.propertyId, pusher.deviceId, roots, mutation.bases ?? {});
  if (Object.keys(moved).length > 0) return { stale: moved };
  const prepared = await prepareWrites(db, pusher.propertyId, mutation, authorised.rule, authorised.writer);
  if ('rejection' in prepared) return prepared;
  const rejection =
    (await checkApproval(db, pusher, mutation, authorised.writer.actor?.role ?? null, checks)) ??
    (await checkDerived(db, pusher, mutation, prepared.writes)) ??
    (await checkUnique(db, pusher.propertyId, prepared.writes));
  return rejection ? { rejection } : prepared;
}

async function decide(
  db: Kysely<Database>,
  pusher: Pusher,
  lock: PropertyLock,
  checks: AuthorityCache,
  signed: PushedMutation,
  now: Date,
): Promise<PushResult> {
  // Judged as the operation it is now; its signature holds for the name it was signed under.
  const mutation = { ...signed, name: currentOperationName(signed.name) };
  const { seq } = mutation;
  const { propertyId } = pusher;
  const checked = await check(db, pusher, checks, mutation, signed.name, now);
  if ('again' in checked) return checked.again;
  if ('stale' in checked) return { seq, status: 'stale', versions: checked.stale };
  if ('rejection' in checked)
    return {
      seq,
      status: 'rejected',
      ...checked.rejection,
      restore: await currentEffects(db, propertyId, mutation.effects),
    };

  const writes: AppliedWrite[] = [];
  for (const { table, key, before, after } of checked.writes) {
    writes.push({
      table,
      key,
      before,
      after: await writeRow(db, propertyId, { table, key, row: after }, lock.nextVersion(), pusher.deviceId),
    });
  }
  await useApproval(db, pusher, mutation);
  // A work record deleted past retention takes its encrypted chunks with it (those no live file names).
  await releaseBlobs(db, propertyId, writes);
  checks.noteWrites(writes.map((write) => write.table));
  const contests = await findContests(db, propertyId, mutation.name, writes);
  // The server's own word (writer null): a desk that based a later change on the pending entry must see it moved.
  for (const effect of confirmedRedemptions(writes, contests))
    await writeRow(db, propertyId, effect, lock.nextVersion(), null);
  if (contests.length === 0) return { seq, status: 'applied' };

  const [conflictId] = await recordConflicts(
    db,
    { propertyId, deviceId: pusher.deviceId, nextVersion: lock.nextVersion, now },
    contests,
  );
  return { seq, status: 'conflict', conflictId };
}

/**
 * The answer given the first time to this mutation under this sequence; null when the sequence
 * holds another mutation. Sequences the desk had already used when it enrolled have none: they count as applied.
 */
async function storedResult(
  db: Kysely<Database>,
  deviceId: string,
  mutation: PushedMutation,
): Promise<PushResult | null> {
  const row = await db
    .selectFrom('push_result')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('seq', '=', mutation.seq)
    .executeTakeFirst();
  if (!row) return { seq: mutation.seq, status: 'applied' };
  return row.mutation_id === mutation.id ? toResult(row) : null;
}

function toResult(row: Selectable<PushResultTable>): PushResult {
  return {
    seq: row.seq,
    status: row.status,
    ...(row.reason !== null && { reason: row.reason }),
    ...(row.detail !== null && { detail: row.detail }),
    ...(row.conflict_id !== null && { conflictId: row.conflict_id }),
    ...(row.restore_json !== null && { restore: fromJson(row.restore_json) }),
  };
}
