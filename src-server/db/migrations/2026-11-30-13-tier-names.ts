/**
 * Frozen: the English name desk migration 24 gave member tiers, laid over the tiers the server
 * stores — the desk's English name for a default tier code, null for any other (a value already
 * there stays), so a desk joining later pulls the same names an upgraded desk holds.
 */
import type { Kysely } from 'kysely';
import { addColumnsToStoredRows } from './stored-rows';

const ENGLISH: Readonly<Record<string, string>> = {
  standard: 'Standard',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  const stored = (await db
    .selectFrom('sync_row')
    .select(['property_id', 'row_key', 'data'])
    .where('table_name', '=', 'member_tier')
    .where('data', 'is not', null)
    .execute()) as { property_id: string; row_key: string; data: string }[];
  for (const row of stored) {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const nameEn = typeof data.code === 'string' ? ENGLISH[data.code] : undefined;
    if (nameEn === undefined || Object.hasOwn(data, 'name_en')) continue;
    await db
      .updateTable('sync_row')
      .set({ data: JSON.stringify({ ...data, name_en: nameEn }) })
      .where('property_id', '=', row.property_id)
      .where('table_name', '=', 'member_tier')
      .where('row_key', '=', row.row_key)
      .execute();
  }
  await addColumnsToStoredRows(db, 'member_tier', { name_en: null });
}
