/**
 * One push and one pull, as the sync loop runs them. Push sends the outbox in order and acts on
 * each answer (applied and conflict: done; rejected: undone with the server's rows and kept for
 * the desk to see); each request reports the desk's audit chain, and the checkpoint the server
 * answers with is kept. Pull applies each page in one transaction, then puts the desk's still
 * unacknowledged writes back on top, so local state is always the server's plus what is pending.
 */
import type { Kysely, Selectable } from 'kysely';
import { DESK_SCHEMA_VERSION, type PullResponse, type PushedMutation, type PushResponse } from '@shared/sync/protocol';
import { fromJson } from '@shared/json';
import type { Database, OutboxTable } from '../db/schema';
import { queueMutation, unbased } from '../services/outbox';
import { inServerTransaction, RowWriter } from './apply';
import { applyPages, touchesPendingWork } from './rebase';
import type { SyncHost } from './host';
import { takeEffects, touchedMark } from './effects';
import { postJson, SyncHttpError, type Link } from './http';
import { renumberOutbox } from './sequence';
import { auditChainReport, cacheCheckpoint } from './checkpoint';
import type { SecretStore } from '../vault/secret-store';

const PUSH_BATCH = 200;
/** A push request stays well under the server's body limit (32 MiB): at most this much JSON, and always at least one mutation. */
const PUSH_BYTES = 4 * 1024 * 1024;
const PULL_PAGE = 1000;
const STRAY_CHUNK = 500;

/** The enrolled server and this desk's token, or null when the desk is not enrolled (or holds no token). */
export async function serverLink(db: Kysely<Database>, tokens: SecretStore): Promise<Link | null> {
  const state = await db.selectFrom('sync_state').select(['server_url', 'allow_insecure']).executeTakeFirstOrThrow();
  const token = state.server_url ? await tokens.read() : null;
  return state.server_url && token
    ? { serverUrl: state.server_url, allowInsecure: state.allow_insecure === 1, token }
    : null;
}

export type Progress = (step: { pushed?: number; pulled?: number; remaining?: number }) => void;

/** Writes made outside any synced mutation (sign-ins' audit entries, timed jobs, bulk seeding) go up as job entries of at most STRAY_CHUNK rows. */
export async function queueStrayWrites(services: Pick<SyncHost, 'db' | 'device' | 'clock'>): Promise<void> {
  for (;;) {
    const more = await services.db.transaction().execute(async (trx) => {
      const effects = (await takeEffects(trx, 0, STRAY_CHUNK)).map(({ effect }) => effect);
      if (effects.length)
        await queueMutation(
          trx,
          services.device.id,
          { name: 'job.changes', input: {}, actorId: null, approvalId: null },
          unbased(effects),
          services.clock.now(),
        );
      return (await touchedMark(trx)) > 0;
    });
    if (!more) return;
  }
}

export async function pendingCount(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Holds the desk's single connection while a synchronous write runs, so no other statement interleaves. */
async function exclusively(services: SyncHost, write: () => void): Promise<void> {
  await services.db.connection().execute(async () => inServerTransaction(services.sqlite, write));
}

/** The first rows whose JSON fits in one request (at least one). */
function withinBytes<R extends { effects_json: string; input_json: string }>(rows: R[]): R[] {
  let bytes = 0;
  const fit = rows.findIndex(
    (row) => (bytes += Buffer.byteLength(row.effects_json) + Buffer.byteLength(row.input_json) + 200) > PUSH_BYTES,
  );
  return fit === -1 ? rows : rows.slice(0, Math.max(1, fit));
}

/** An outbox row as it goes up. */
export function pushedMutation(row: Selectable<OutboxTable>): PushedMutation {
  return {
    seq: row.seq,
    id: row.id,
    name: row.name,
    at: row.created_at,
    actorId: row.actor_id,
    approvalId: row.approval_id,
    signedBy: row.signed_by,
    signature: row.signature,
    input: fromJson(row.input_json),
    bases: fromJson(row.bases_json),
    effects: fromJson(row.effects_json),
  };
}

/** Pushes the outbox in order; true when the server called a mutation stale (the desk must pull and rebase before it goes on). */
export async function push(services: SyncHost, link: Link, progress: Progress): Promise<boolean> {
  const writer = new RowWriter(services.sqlite, services.device.id);
  for (;;) {
    const rows = withinBytes(
      await services.db.selectFrom('outbox').selectAll().orderBy('seq').limit(PUSH_BATCH).execute(),
    );
    if (rows.length === 0) return false;
    const mutations = rows.map(pushedMutation);
    // The chain's head as it is now: at or after every audit entry these mutations carry.
    const audit = await auditChainReport(services.db);
    let answer: PushResponse;
    try {
      answer = await postJson<PushResponse>(
        link,
        '/sync/push',
        { deviceId: services.device.id, schemaVersion: DESK_SCHEMA_VERSION, mutations, audit },
        link.token,
      );
    } catch (error) {
      // Numbered past (a restored desk's gap) or behind (a copied-back desk) what the server holds: on from its last number.
      const lastSeq =
        error instanceof SyncHttpError && (error.code === 'SEQ_GAP' || error.code === 'SEQ_BEHIND')
          ? error.body?.lastSeq
          : undefined;
      if (lastSeq === undefined) throw error;
      let moved = false;
      await exclusively(services, () => (moved = renumberOutbox(services.sqlite, services.device.id, lastSeq)));
      if (!moved) throw error;
      continue;
    }
    if (answer.checkpointRefused)
      console.error(
        `[sync] the server refused this desk's audit chain as rewritten (${answer.checkpointRefused}); audit:verify names the break`,
      );
    const names = new Map(rows.map((row) => [row.seq, row.name]));
    const at = services.clock.now().toISOString();
    await exclusively(services, () => {
      const rejected = services.sqlite.prepare(
        'INSERT OR REPLACE INTO sync_rejection (seq, name, reason, detail, at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const result of answer.results) {
        if (result.status !== 'rejected') continue;
        rejected.run(result.seq, names.get(result.seq) ?? '', result.reason ?? 'UNKNOWN', result.detail ?? null, at);
        for (const effect of result.restore ?? []) writer.write(effect);
      }
      services.sqlite.prepare('DELETE FROM outbox WHERE seq <= ?').run(answer.lastSeq);
      cacheCheckpoint(services.sqlite, answer.checkpoint);
    });
    progress({ pushed: answer.results.length });
    if (answer.results.some((result) => result.status === 'stale')) return true;
    if (answer.results.length === 0) return false;
  }
}

/**
 * Pulls every page. Pages that touch nothing pending are applied one by one; from the first that
 * does (or all of them, when the server answered `stale`), the rest of the pull is held and applied
 * at the end in one transaction with a single rebase of the desk's pending work.
 */
export async function pull(services: SyncHost, link: Link, progress: Progress, stale = false): Promise<void> {
  let { cursor } = await services.db.selectFrom('sync_state').select('cursor').executeTakeFirstOrThrow();
  const held: PullResponse[] = [];
  for (;;) {
    const page = await postJson<PullResponse>(
      link,
      '/sync/pull',
      { deviceId: services.device.id, schemaVersion: DESK_SCHEMA_VERSION, cursor, limit: PULL_PAGE },
      link.token,
    );
    cursor = page.cursor;
    if (held.length > 0 || stale || touchesPendingWork(services, page)) held.push(page);
    else await applyPages(services, [page], false);
    progress({ pulled: page.changes.length, remaining: page.remaining });
    if (!page.hasMore) break;
  }
  await applyPages(services, held, stale);
}
