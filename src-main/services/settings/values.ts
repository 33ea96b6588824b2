/**
 * The desk's `setting` rows: the synced ones (src-shared/settings.ts) and this desk's own
 * (`backup.*`, never synced), each key with the type of its value, read and written here only.
 */
import type { Kysely } from 'kysely';
import type { SyncedSettings } from '@shared/settings';
import { fromJson, toJson } from '@shared/json';
import type { Database } from '../../db/schema';

/** The last backup copied to the second location and verified there. */
export interface SecondCopy {
  at: string;
  file: string;
}

export interface SettingValues extends SyncedSettings {
  'backup.folder': string;
  'backup.secondFolder': string | null;
  'backup.secondMaxDays': number;
  /** The last second copy that was read back and verified. */
  'backup.secondCopy': SecondCopy | null;
}

export type SettingKey = keyof SettingValues;

export async function readSetting<K extends SettingKey>(
  db: Kysely<Database>,
  key: K,
): Promise<SettingValues[K] | undefined> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', key).executeTakeFirst();
  // The key names the type; each key is written only by writeSetting with a value of that type.
  return row ? (fromJson(row.value_json) as SettingValues[K]) : undefined;
}

/**
 * An update, or an insert when there is no row. Not an upsert: its conflict clause would override
 * the sync trigger's INSERT OR REPLACE and the OR IGNORE of the before-image triggers
 * (sync/before-images.ts), which fail while an earlier write of the row still waits to be taken or
 * when a local row is written twice outside a mutation (the daily backup's record).
 */
export async function writeSetting<K extends SettingKey>(
  db: Kysely<Database>,
  key: K,
  value: SettingValues[K],
): Promise<void> {
  const value_json = toJson(value);
  const { numUpdatedRows } = await db
    .updateTable('setting')
    .set({ value_json })
    .where('key', '=', key)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) await db.insertInto('setting').values({ key, value_json }).execute();
}
