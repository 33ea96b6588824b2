/**
 * Frozen: `complaints.handle` (desk migration 19) in the permission matrix the server stores, for
 * the roles every desk grants it to, so a desk joining an existing property gets the grant its
 * enrolled desks made for themselves. Each new row takes the property's next version; a key the
 * matrix already holds, live or deleted, stays as it is.
 */
import type { Kysely } from 'kysely';

const ROLES = ['agent', 'service_rep', 'supervisor', 'director', 'general_manager', 'admin'];
const PERMISSION = 'complaints.handle';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  const properties = (await db.selectFrom('property').select(['id', 'version']).execute()) as {
    id: string;
    version: number | string;
  }[];
  for (const property of properties) {
    let version = Number(property.version);
    for (const role of ROLES) {
      const key = JSON.stringify([role, PERMISSION]);
      const held = await db
        .selectFrom('sync_row')
        .select('row_key')
        .where('property_id', '=', property.id)
        .where('table_name', '=', 'role_permission')
        .where('row_key', '=', key)
        .executeTakeFirst();
      if (held) continue;
      version += 1;
      await db
        .insertInto('sync_row')
        .values({
          property_id: property.id,
          table_name: 'role_permission',
          row_key: key,
          data: JSON.stringify({ role, permission: PERMISSION }),
          deleted: 0,
          version,
          group_key: role,
          unique_key: null,
          root_key: null,
          writer_device: null,
        })
        .execute();
    }
    if (version !== Number(property.version))
      await db.updateTable('property').set({ version }).where('id', '=', property.id).execute();
  }
}
