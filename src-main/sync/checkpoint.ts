/**
 * This desk's audit chain as the server anchors it: what each push reports (the chain's head, and
 * this desk's own entry at the last checkpoint the server gave it), the server's answer cached in
 * sync_state for checking while offline, and the server's latest checkpoint asked for when the
 * chain is verified (the cached one when the server cannot be reached, and said so).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import {
  DESK_SCHEMA_VERSION,
  type AuditChainReport,
  type AuditCheckpoint,
  type CheckpointResponse,
} from '@shared/sync/protocol';
import type { Database } from '../db/schema';
import { chainHead, type KnownCheckpoint } from '../services/audit/chain';
import { postJson, SyncHttpError, type Link } from './http';

/** Asking for the checkpoint while verifying waits this long before falling back to the cached one. */
const ASK_TIMEOUT_MS = 5_000;

export async function auditChainReport(db: Kysely<Database>): Promise<AuditChainReport | undefined> {
  const head = await chainHead(db);
  if (!head) return undefined;
  const { audit_checkpoint_seq: seq } = await db
    .selectFrom('sync_state')
    .select('audit_checkpoint_seq')
    .executeTakeFirstOrThrow();
  if (seq === null) return { head, atCheckpoint: null };
  const entry = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return { head, atCheckpoint: { seq, hash: entry?.hash ?? null } };
}

/** Keeps the server's latest checkpoint (on the raw connection, inside the push's write). */
export function cacheCheckpoint(sqlite: BetterSqlite3.Database, checkpoint: AuditCheckpoint | null): void {
  sqlite
    .prepare('UPDATE sync_state SET audit_checkpoint_seq = ?, audit_checkpoint_hash = ?, audit_checkpoint_at = ?')
    .run(checkpoint?.seq ?? null, checkpoint?.hash ?? null, checkpoint?.at ?? null);
}

async function cachedCheckpoint(db: Kysely<Database>): Promise<KnownCheckpoint | null> {
  const state = await db
    .selectFrom('sync_state')
    .select(['audit_checkpoint_seq', 'audit_checkpoint_hash', 'audit_checkpoint_at'])
    .executeTakeFirstOrThrow();
  const { audit_checkpoint_seq: seq, audit_checkpoint_hash: hash, audit_checkpoint_at: at } = state;
  return seq === null || hash === null || at === null ? null : { seq, hash, at, source: 'cached' };
}

/** The server's latest checkpoint of this desk's chain (null: none yet), or the cached one when the server cannot be asked. */
export async function latestCheckpoint(
  db: Kysely<Database>,
  deviceId: string,
  link: Link | null,
): Promise<KnownCheckpoint | null> {
  if (link) {
    try {
      const answer = await postJson<CheckpointResponse>(
        link,
        '/sync/audit-checkpoint',
        { deviceId, schemaVersion: DESK_SCHEMA_VERSION },
        link.token,
        ASK_TIMEOUT_MS,
      );
      return answer.checkpoint && { ...answer.checkpoint, source: 'server' };
    } catch (error) {
      if (!(error instanceof SyncHttpError)) throw error;
    }
  }
  return cachedCheckpoint(db);
}
