/**
 * Checkpoints of the desks' audit chains. Each push reports the desk's chain head, and its own
 * entry at the last checkpoint the server gave it; the server keeps a head it can match to the
 * audit row it holds for that desk as a new checkpoint (append-only), and answers with the latest.
 * A head that goes back before the last checkpoint, or an entry that no longer carries the hash
 * the server acknowledged for its seq, is a rewritten chain pushing again: refused (nothing is
 * recorded as a checkpoint), and written down once as an attack. The desk's own rows still go
 * through their usual checks: the desk keeps selling, and its verification reports the break.
 */
import { toJson } from '@shared/json';
import type { AuditChainReport, AuditCheckpoint, CheckpointRefusal } from '@shared/sync/protocol';
import type { SyncRow } from '@shared/sync/tables';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Device } from './auth';
import { readRow } from './rows';

type CheckedDevice = Pick<Device, 'id' | 'property_id'>;

export async function latestCheckpoint(db: Kysely<Database>, deviceId: string): Promise<AuditCheckpoint | null> {
  const row = await db
    .selectFrom('audit_checkpoint')
    .select(['seq', 'hash', 'at'])
    .where('device_id', '=', deviceId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash, at: row.at } : null;
}

async function checkpointAt(db: Kysely<Database>, deviceId: string, seq: number): Promise<string | null> {
  const row = await db
    .selectFrom('audit_checkpoint')
    .select('hash')
    .where('device_id', '=', deviceId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash ?? null;
}

/** Why the report contradicts what the server recorded or holds (`held`: the audit row the head names), or null. */
async function contradiction(
  db: Kysely<Database>,
  device: CheckedDevice,
  report: AuditChainReport,
  latest: AuditCheckpoint | null,
  held: SyncRow | null,
): Promise<CheckpointRefusal | null> {
  const { head, atCheckpoint } = report;
  if (atCheckpoint) {
    const recorded = await checkpointAt(db, device.id, atCheckpoint.seq);
    if (recorded !== null && recorded !== atCheckpoint.hash) return 'changed';
  }
  if (latest && head.seq < latest.seq) return 'went-back';
  const recorded = await checkpointAt(db, device.id, head.seq);
  if (recorded !== null && recorded !== head.hash) return 'changed';
  if (held && (held.device_id !== device.id || Number(held.seq) !== head.seq || held.hash !== head.hash))
    return 'changed';
  return null;
}

async function recordRefusal(
  db: Kysely<Database>,
  device: CheckedDevice,
  report: AuditChainReport,
  latest: AuditCheckpoint | null,
  reason: CheckpointRefusal,
  now: Date,
): Promise<boolean> {
  const checkpointSeq = latest?.seq ?? 0;
  const seen = await db
    .selectFrom('audit_checkpoint_refusal')
    .select('at')
    .where('device_id', '=', device.id)
    .where('checkpoint_seq', '=', checkpointSeq)
    .where('reason', '=', reason)
    .executeTakeFirst();
  if (seen) return false;
  await db
    .insertInto('audit_checkpoint_refusal')
    .values({
      device_id: device.id,
      checkpoint_seq: checkpointSeq,
      reason,
      reported_json: toJson(report),
      at: now.toISOString(),
    })
    .execute();
  return true;
}

export interface CheckpointOutcome {
  checkpoint: AuditCheckpoint | null;
  refused?: CheckpointRefusal;
  /** Set the first time this refusal is seen (the caller logs it). */
  firstSeen?: boolean;
}

/**
 * Call in the push's transaction, after its mutations: a head in this very push is then held.
 * A head whose row the server does not hold (yet: a later batch, or its mutation was refused)
 * anchors nothing this time.
 */
export async function checkAuditChain(
  db: Kysely<Database>,
  device: CheckedDevice,
  report: AuditChainReport | undefined,
  now: Date,
): Promise<CheckpointOutcome> {
  const latest = await latestCheckpoint(db, device.id);
  if (!report) return { checkpoint: latest };
  const { head } = report;
  const held = await readRow(db, device.property_id, 'audit_log', head.id);
  const refused = await contradiction(db, device, report, latest, held);
  if (refused)
    return { checkpoint: latest, refused, firstSeen: await recordRefusal(db, device, report, latest, refused, now) };
  if (!held || latest?.seq === head.seq) return { checkpoint: latest };
  const checkpoint = { seq: head.seq, hash: head.hash, at: now.toISOString() };
  await db
    .insertInto('audit_checkpoint')
    .values({ device_id: device.id, seq: head.seq, audit_id: head.id, hash: head.hash, at: checkpoint.at })
    .execute();
  return { checkpoint };
}
