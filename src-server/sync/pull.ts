/** POST /sync/pull: the property's rows written after the cursor, oldest version first, every device's included. */
import type { PullResponse } from '@shared/sync/protocol';
import type { ServerDatabase } from '../db/connection';
import type { Device } from './auth';
import { parseRow } from './rows';

export const DEFAULT_PULL_LIMIT = 1000;

export async function pullChanges(
  server: ServerDatabase,
  device: Device,
  cursor: number,
  limit = DEFAULT_PULL_LIMIT,
): Promise<PullResponse> {
  const rows = await server.db
    .selectFrom('sync_row')
    .select(['table_name', 'row_key', 'data', 'version'])
    .where('property_id', '=', device.property_id)
    .where('version', '>', cursor)
    .orderBy('version')
    .limit(limit)
    .execute();
  const next = rows.at(-1)?.version ?? cursor;
  const { n } = await server.db
    .selectFrom('sync_row')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('property_id', '=', device.property_id)
    .where('version', '>', next)
    .executeTakeFirstOrThrow();
  const remaining = Number(n);
  return {
    cursor: next,
    lastSeq: device.last_seq,
    changes: rows.map((row) => ({
      table: row.table_name,
      key: row.row_key,
      row: parseRow(row.table_name, row),
      version: row.version,
    })),
    hasMore: remaining > 0,
    remaining,
  };
}
