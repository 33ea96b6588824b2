/**
 * A guest erased on request: once the erased row is stored, the server keeps no earlier copy of
 * it. The only other place one lives is a refused push's answer, kept to be sent again
 * (push_result.restore_json holds the server's rows the refused desk restores): there the
 * guest's row becomes the erased one too.
 */
import type { Kysely } from 'kysely';
import { fromJson, toJson } from '@shared/json';
import type { SyncRow } from '@shared/sync/tables';
import type { Database } from '../db/schema';

export function isErasedGuest(table: string, row: SyncRow | null): row is SyncRow {
  return table === 'guest' && row !== null && row.erased_at != null;
}

export async function forgetErasedGuest(db: Kysely<Database>, key: string, erased: SyncRow): Promise<void> {
  const kept = await db
    .selectFrom('push_result')
    .select(['device_id', 'seq', 'restore_json'])
    .where('restore_json', 'like', `%${JSON.stringify(key)}%`)
    .execute();
  for (const result of kept) {
    const restore = fromJson(result.restore_json!).map((effect) =>
      effect.table === 'guest' && effect.key === key && effect.row !== null ? { ...effect, row: erased } : effect,
    );
    await db
      .updateTable('push_result')
      .set({ restore_json: toJson(restore) })
      .where('device_id', '=', result.device_id)
      .where('seq', '=', result.seq)
      .execute();
  }
}
