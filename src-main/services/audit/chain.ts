/**
 * The keyed, hash-chained audit trail. Each entry's hash covers its own fields and the previous
 * entry's hash, so changing or removing any entry breaks every link after it. From the desk's
 * audit key's first entry on (`fromSeq`), the hash is an HMAC-SHA256 under that key, which the
 * vault holds and the database never does: whoever rewrites the file without the key cannot make
 * the chain hold again. Entries before it, written by older builds, stay a plain SHA-256 prefix;
 * the first keyed entry links to the last of them, so rewriting the prefix breaks that link.
 * The table also refuses UPDATE and DELETE by trigger; the chain catches what bypasses them, and
 * the server's checkpoint (the last head it acknowledged) catches a rewrite made with the key.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditBreak, AuditCheckpointSource, AuditDetail, AuditOutcome, AuditVerification } from '@shared/contract';
import type { AuditCheckpoint } from '@shared/sync/protocol';
import type { AuditLogTable, Database } from '../../db/schema';
import { toJson } from '@shared/json';

export const GENESIS_HASH = '0'.repeat(64);

/** The desk's audit key and the first entry it chains (the vault's `audit`). */
export interface AuditKey {
  key: Buffer;
  fromSeq: number;
}

export interface AuditRecord {
  at: Date;
  deviceId: string;
  actor: { id: string; name: string } | null;
  operation: string;
  outcome: AuditOutcome;
  entityType?: string | null;
  entityId?: string | null;
  detail?: AuditDetail | null;
}

/** A checkpoint of this desk's chain as the desk knows it: asked of the server just now, or cached at the last push. */
export type KnownCheckpoint = AuditCheckpoint & { source: AuditCheckpointSource };

type ChainedFields = Omit<Selectable<AuditLogTable>, 'hash'>;

function chainedText(entry: ChainedFields): string {
  return JSON.stringify([
    entry.seq,
    entry.id,
    entry.at,
    entry.device_id,
    entry.actor_id,
    entry.actor_name,
    entry.operation,
    entry.entity_type,
    entry.entity_id,
    entry.outcome,
    entry.detail_json,
    entry.prev_hash,
  ]);
}

/** The plain SHA-256 of older builds' entries (before the key's `fromSeq`). */
function legacyHash(entry: ChainedFields): string {
  return createHash('sha256').update(chainedText(entry)).digest('hex');
}

function keyedHash(entry: ChainedFields, key: Buffer): string {
  return createHmac('sha256', key).update(chainedText(entry)).digest('hex');
}

/** The hash an entry must carry: keyed from the key's first entry on, plain before it. */
export function entryHash(entry: ChainedFields, audit: AuditKey): string {
  return entry.seq >= audit.fromSeq ? keyedHash(entry, audit.key) : legacyHash(entry);
}

/** The newest entry: the chain's head. */
export function chainHead(db: Kysely<Database>): Promise<{ seq: number; id: string; hash: string } | undefined> {
  return db.selectFrom('audit_log').select(['seq', 'id', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Appends one entry. Call inside the transaction of the write it describes. */
export async function appendAudit(db: Kysely<Database>, audit: AuditKey, record: AuditRecord): Promise<void> {
  const last = await chainHead(db);
  const entry: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    id: uuidv7(),
    at: record.at.toISOString(),
    device_id: record.deviceId,
    actor_id: record.actor?.id ?? null,
    actor_name: record.actor?.name ?? null,
    operation: record.operation,
    entity_type: record.entityType ?? null,
    entity_id: record.entityId ?? null,
    outcome: record.outcome,
    detail_json: record.detail ? toJson(record.detail) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db
    .insertInto('audit_log')
    .values({ ...entry, hash: entryHash(entry, audit) })
    .execute();
}

/** What is wrong with one entry on its own, or null. A keyed entry that holds only as plain SHA-256 was rewritten without the key. */
function entryProblem(row: Selectable<AuditLogTable>, audit: AuditKey): AuditBreak | null {
  if (entryHash(row, audit) === row.hash) return null;
  return row.seq >= audit.fromSeq && legacyHash(row) === row.hash ? 'key' : 'hash';
}

const PAGE = 2000;

type Walk = { ok: true; checked: number } | { ok: false; checked: number; firstBrokenSeq: number; reason: AuditBreak };

async function walkChain(db: Kysely<Database>, audit: AuditKey): Promise<Walk> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'gap' };
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'link' };
      const problem = entryProblem(row, audit);
      if (problem) return { ok: false, checked, firstBrokenSeq: row.seq, reason: problem };
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) return { ok: true, checked };
  }
}

/**
 * Walks the whole chain in order and names the first entry that does not hold; then holds it
 * against the server's checkpoint: the entry the server acknowledged as this desk's head must
 * still be there, with the hash it had. Only a rewrite made with the key gets that far.
 */
export async function verifyChain(
  db: Kysely<Database>,
  audit: AuditKey,
  checkpoint: KnownCheckpoint | null,
): Promise<AuditVerification> {
  const walk = await walkChain(db, audit);
  if (!checkpoint) return { ...walk, keyedFrom: audit.fromSeq, checkpoint: null };
  const entry = await db.selectFrom('audit_log').select('hash').where('seq', '=', checkpoint.seq).executeTakeFirst();
  const used = {
    seq: checkpoint.seq,
    at: checkpoint.at,
    source: checkpoint.source,
    matches: entry?.hash === checkpoint.hash,
  };
  if (!walk.ok || used.matches) return { ...walk, keyedFrom: audit.fromSeq, checkpoint: used };
  // The chain holds by the key but not at the checkpoint: rewritten with the key up to (or cut short before) the acknowledged head.
  return {
    ok: false,
    checked: walk.checked,
    firstBrokenSeq: Math.min(checkpoint.seq, walk.checked + 1),
    reason: 'checkpoint',
    keyedFrom: audit.fromSeq,
    checkpoint: used,
  };
}
