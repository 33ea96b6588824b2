/** Reads the permission matrix (data) for one role. */
import type { Kysely } from 'kysely';
import { isPermission, type Permission, type Role } from '@shared/permissions';
import type { Database } from '../db/schema';

export async function hasPermission(db: Kysely<Database>, role: Role, permission: Permission): Promise<boolean> {
  const row = await db
    .selectFrom('role_permission')
    .select('role')
    .where('role', '=', role)
    .where('permission', '=', permission)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everything a role holds, read once for checks that would otherwise ask per item. */
export async function grantsOf(db: Kysely<Database>, role: Role): Promise<ReadonlySet<Permission>> {
  const rows = await db.selectFrom('role_permission').select('permission').where('role', '=', role).execute();
  return new Set(rows.map((r) => r.permission).filter(isPermission));
}
