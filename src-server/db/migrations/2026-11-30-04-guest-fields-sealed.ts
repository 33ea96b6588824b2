/**
 * Frozen: guests' phones and ID numbers, and ticket visitors' ID numbers, are sealed on the desks
 * from now on (the server holds ciphertext only). Rows stored before still hold them in clear in
 * their JSON, and so may the rows kept to answer a refused push again: both lose those keys. The desks that still hold
 * the values seal them and push them again as their own job.
 */
import type { Kysely } from 'kysely';

const PAGE = 500;
/** The tables whose rows held them, and the keys that held them. */
const CLEAR_KEYS: Record<string, readonly string[]> = { guest: ['phone', 'id_number'], ticket_visitor: ['id_number'] };

function withoutClear(table: string, row: Record<string, unknown>): Record<string, unknown> | null {
  const keys = CLEAR_KEYS[table] ?? [];
  if (!keys.some((key) => Object.hasOwn(row, key))) return null;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
}

interface Effect {
  table: string;
  key: string;
  row: Record<string, unknown> | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(CLEAR_KEYS)) await clearRows(db, table);
  await clearKeptAnswers(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
async function clearRows(db: Kysely<any>, table: string): Promise<void> {
  let after = { property: '', key: '' };
  for (;;) {
    const rows = (await db
      .selectFrom('sync_row')
      .select(['property_id', 'row_key', 'data'])
      .where('table_name', '=', table)
      .where((eb) =>
        eb.or([
          eb('property_id', '>', after.property),
          eb.and([eb('property_id', '=', after.property), eb('row_key', '>', after.key)]),
        ]),
      )
      .orderBy('property_id')
      .orderBy('row_key')
      .limit(PAGE)
      .execute()) as { property_id: string; row_key: string; data: string | null }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const cleaned = row.data === null ? null : withoutClear(table, JSON.parse(row.data) as Record<string, unknown>);
      if (cleaned) {
        await db
          .updateTable('sync_row')
          .set({ data: JSON.stringify(cleaned) })
          .where('property_id', '=', row.property_id)
          .where('table_name', '=', table)
          .where('row_key', '=', row.row_key)
          .execute();
      }
    }
    const last = rows.at(-1)!;
    after = { property: last.property_id, key: last.row_key };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
async function clearKeptAnswers(db: Kysely<any>): Promise<void> {
  const kept = (await db
    .selectFrom('push_result')
    .select(['device_id', 'seq', 'restore_json'])
    .where('restore_json', 'like', '%"id_number"%')
    .execute()) as { device_id: string; seq: number; restore_json: string }[];
  for (const result of kept) {
    let changed = false;
    const restore = (JSON.parse(result.restore_json) as Effect[]).map((effect) => {
      const cleaned = effect.row !== null ? withoutClear(effect.table, effect.row) : null;
      if (!cleaned) return effect;
      changed = true;
      return { ...effect, row: cleaned };
    });
    if (changed)
      await db
        .updateTable('push_result')
        .set({ restore_json: JSON.stringify(restore) })
        .where('device_id', '=', result.device_id)
        .where('seq', '=', result.seq)
        .execute();
  }
}
