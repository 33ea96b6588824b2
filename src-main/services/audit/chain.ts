/**
 * The hash-chained audit trail. Each entry's hash covers its own fields and the previous
 * entry's hash, so changing or removing any entry breaks every link after it. The table
 * also refuses UPDATE and DELETE by trigger; the chain catches what bypasses the triggers.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditDetail, AuditOutcome, AuditVerification } from '@shared/contract';
import type { AuditLogTable, Database } from '../../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

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

type ChainedFields = Omit<Selectable<AuditLogTable>, 'hash'>;

export function entryHash(entry: ChainedFields): string {
  const fields = [
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
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Appends one entry. Call inside the transaction of the write it describes. */
export async function appendAudit(db: Kysely<Database>, record: AuditRecord): Promise<void> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
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
    detail_json: record.detail ? JSON.stringify(record.detail) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db
    .insertInto('audit_log')
    .values({ ...entry, hash: entryHash(entry) })
    .execute();
}

const PAGE = 2000;

/** Walks the whole chain in order and names the first entry that does not hold. */
export async function verifyChain(db: Kysely<Database>): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'gap' };
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'link' };
      if (entryHash(row) !== row.hash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'hash' };
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) return { ok: true, checked };
  }
}
