/**
 * The founding desk's first push: everything it held before it was enrolled, as snapshot
 * mutations of at most CHUNK rows each (parents' tables first), queued after the outbox is
 * emptied (the snapshot carries whatever those older entries wrote).
 */
import type { Kysely } from 'kysely';
import { SNAPSHOT_OPERATION, type Effect } from '@shared/sync/protocol';
import { rowKey, SYNCED_TABLES, syncedTable, wireRow, type SyncRow } from '@shared/sync/tables';
import type { Database } from '../db/schema';
import { queueMutation } from '../services/outbox';

const CHUNK = 500;

export async function queueSnapshot(db: Kysely<Database>, deviceId: string, at: Date): Promise<number> {
  await db.deleteFrom('outbox').execute();
  await db.deleteFrom('sync_touched').execute();
  let queued = 0;
  let chunk: Effect[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await queueMutation(db, deviceId, { name: SNAPSHOT_OPERATION, input: {}, actorId: null, approvalId: null }, chunk, at);
    queued += 1;
    chunk = [];
  };
  for (const table of Object.keys(SYNCED_TABLES)) {
    const def = syncedTable(table);
    const rows = (await db
      .selectFrom(table as keyof Database)
      .selectAll()
      .execute()) as SyncRow[];
    for (const row of rows) {
      if (def.localRow?.(row)) continue;
      chunk.push({ table, key: rowKey(table, row), row: wireRow(table, row) });
      if (chunk.length >= CHUNK) await flush();
    }
  }
  await flush();
  return queued;
}
