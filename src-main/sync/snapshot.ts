/**
 * The founding desk's first push: everything it held before it was enrolled, as snapshot
 * mutations of at most CHUNK rows each (parents' tables first), queued after the outbox and the
 * touched keys are emptied (the snapshot carries whatever those wrote).
 */
import { sql, type Kysely } from 'kysely';
import { SNAPSHOT_OPERATION, type Effect } from '@shared/sync/protocol';
import { rowKey, SYNCED_TABLES, syncedTable, wireRow, type SyncRow } from '@shared/sync/tables';
import type { Database } from '../db/schema';
import { queueMutation, unbased } from '../services/outbox';
import { forgetBeforeImages } from './before-images';

const CHUNK = 500;

export async function queueSnapshot(db: Kysely<Database>, deviceId: string, at: Date): Promise<number> {
  await db.deleteFrom('outbox').execute();
  await db.deleteFrom('sync_touched').execute();
  await forgetBeforeImages(db);
  let queued = 0;
  let chunk: Effect[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await queueMutation(
      db,
      deviceId,
      { name: SNAPSHOT_OPERATION, input: {}, actorId: null, approvalId: null },
      unbased(chunk),
      at,
    );
    queued += 1;
    chunk = [];
  };
  for (const table of Object.keys(SYNCED_TABLES)) {
    const def = syncedTable(table);
    // Page by rowid: a property with a million guests never sits in memory at once.
    for (let after = 0; ;) {
      const { rows } = await sql<
        SyncRow & { _rowid: number }
      >`SELECT rowid AS _rowid, * FROM ${sql.table(table)} WHERE rowid > ${after} ORDER BY rowid LIMIT ${CHUNK}`.execute(
        db,
      );
      if (rows.length === 0) break;
      after = rows.at(-1)!._rowid;
      for (const { _rowid: _, ...row } of rows) {
        if (def.localRow?.(row)) continue;
        chunk.push({ table, key: rowKey(table, row), row: wireRow(table, row) });
        if (chunk.length >= CHUNK) await flush();
      }
    }
  }
  await flush();
  return queued;
}
