/**
 * Frozen: the booking permissions' new names (`reservations.*` → `bookings.*`, desk migration 18)
 * in the permission matrix the server stores: each role's row, live or deleted, under its new key.
 */
import type { Kysely } from 'kysely';

const RENAMED: Record<string, string> = {
  'reservations.view': 'bookings.view',
  'reservations.manage': 'bookings.manage',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('sync_row')
    .select(['property_id', 'row_key', 'data'])
    .where('table_name', '=', 'role_permission')
    .execute()) as { property_id: string; row_key: string; data: string | null }[];
  for (const row of rows) {
    const [role, permission] = JSON.parse(row.row_key) as [string, string];
    const renamed = RENAMED[permission];
    if (!renamed) continue;
    const data =
      row.data === null ? null : JSON.stringify({ ...(JSON.parse(row.data) as object), permission: renamed });
    await db
      .updateTable('sync_row')
      .set({ row_key: JSON.stringify([role, renamed]), data })
      .where('property_id', '=', row.property_id)
      .where('table_name', '=', 'role_permission')
      .where('row_key', '=', row.row_key)
      .execute();
  }
}
