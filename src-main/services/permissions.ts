/** Reads the permission matrix (data) for one role. */
import type { Kysely } from 'kysely';
import type { Permission, Role } from '@shared/permissions';
import type { Database } from '../db/schema';

export async function hasPermission(db: Kysely<Database>, role: Role, permission: Permission): Promise<boolean> {
  const row = await db.selectFrom('role_permission').select('role').where('role', '=', role).where('permission', '=', permission).executeTakeFirst();
  return row !== undefined;
}
