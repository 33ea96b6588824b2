/**
 * Frozen: `complaints.handle` (desk migration 19) in the permission matrix the server stores, for
 * the roles every desk grants it to, so a desk joining an existing property gets the grant its
 * enrolled desks made for themselves. Each new row takes the property's next version; a key the
 * matrix already holds, live or deleted, stays as it is.
 */
import type { Kysely } from 'kysely';
import { addSeededRows } from './stored-rows';

const ROLES = ['agent', 'service_rep', 'supervisor', 'director', 'general_manager', 'admin'];
const PERMISSION = 'complaints.handle';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await addSeededRows(
    db,
    ROLES.map((role) => ({
      table: 'role_permission',
      key: JSON.stringify([role, PERMISSION]),
      data: { role, permission: PERMISSION },
      group: role,
    })),
  );
}
