/**
 * What someone with the database file in hand does to the audit trail, written from the outside
 * as an attacker would (the field list is in the source): open the file, drop the triggers that
 * keep audit_log append-only, delete or change entries, renumber and hash the rest again, and
 * clear the sync bookkeeping so nothing of it goes up to the server.
 */
import { createHash, createHmac } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../src-main/db/connection';

export type Rehash = (text: string) => string;

export const plainSha256: Rehash = (text) => createHash('sha256').update(text).digest('hex');
export const hmacUnder =
  (key: Buffer): Rehash =>
  (text) =>
    createHmac('sha256', key).update(text).digest('hex');

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  device_id: string;
  actor_id: string | null;
  actor_name: string | null;
  operation: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  detail_json: string | null;
  prev_hash: string;
  hash: string;
}

const INSERT =
  'INSERT INTO audit_log (seq, id, at, device_id, actor_id, actor_name, operation, entity_type, entity_id, outcome, detail_json, prev_hash, hash) VALUES (@seq, @id, @at, @device_id, @actor_id, @actor_name, @operation, @entity_type, @entity_id, @outcome, @detail_json, @prev_hash, @hash)';

function chainedText(row: AuditRow): string {
  return JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.device_id,
    row.actor_id,
    row.actor_name,
    row.operation,
    row.entity_type,
    row.entity_id,
    row.outcome,
    row.detail_json,
    row.prev_hash,
  ]);
}

export interface Rewrite {
  /** The entry to delete; those after it move up one seq. */
  drop?: number;
  /** An entry whose detail is replaced. */
  alter?: { seq: number; detail: string };
  /** Keep only the entries up to this seq. */
  truncateAfter?: number;
  /** Entries after this seq keep their links and hashes (the attacker stops there). */
  rehashThrough?: number;
  /** How each rewritten entry is hashed (by its new seq). */
  hashFor: (seq: number) => Rehash;
}

/** Writes plain SHA-256 entries as the builds before the keyed chain did (no key, nothing else of the desk). */
export function writeLegacyEntries(dataDir: string, operations: readonly string[]): void {
  const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  let prev = '0'.repeat(64);
  const insert = raw.prepare(INSERT);
  operations.forEach((operation, i) => {
    const row: AuditRow = {
      seq: i + 1,
      id: `legacy-${i + 1}`,
      at: `2026-11-2${i % 10}T01:00:00.000Z`,
      device_id: 'legacy-desk',
      actor_id: null,
      actor_name: 'old build',
      operation,
      entity_type: null,
      entity_id: null,
      outcome: 'ok',
      detail_json: null,
      prev_hash: prev,
      hash: '',
    };
    row.hash = plainSha256(chainedText(row));
    insert.run(row);
    prev = row.hash;
  });
  raw.close();
}

/** Rewrites the audit trail of a closed desk's database file; entries before the first one touched keep their hashes. */
export function rewriteAuditLog(dataDir: string, rewrite: Rewrite): void {
  const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
  let rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  const touched = [
    rewrite.drop,
    rewrite.alter?.seq,
    rewrite.truncateAfter === undefined ? undefined : rewrite.truncateAfter + 1,
  ].filter((seq) => seq !== undefined);
  const firstTouched = Math.min(...touched);
  if (rewrite.drop !== undefined) rows = rows.filter((row) => row.seq !== rewrite.drop);
  if (rewrite.truncateAfter !== undefined) rows = rows.filter((row) => row.seq <= rewrite.truncateAfter!);
  rows = rows.map((row, i) => ({
    ...row,
    seq: i + 1,
    ...(rewrite.alter?.seq === row.seq && { detail_json: rewrite.alter.detail }),
  }));
  for (const row of rows) {
    if (row.seq < firstTouched || row.seq > (rewrite.rehashThrough ?? Infinity)) continue;
    row.prev_hash = row.seq === 1 ? '0'.repeat(64) : rows[row.seq - 2]!.hash;
    row.hash = rewrite.hashFor(row.seq)(chainedText(row));
  }
  raw.transaction(() => {
    raw.prepare('DELETE FROM audit_log').run();
    const insert = raw.prepare(INSERT);
    for (const row of rows) insert.run(row);
    raw.prepare("DELETE FROM sync_touched WHERE table_name = 'audit_log'").run();
  })();
  raw.close();
}
