/**
 * Frozen: `reports.view` and `reports.submit` (desk migration 21) in the permission matrix the
 * server stores, for the roles every desk grants them to.
 */
import type { Kysely } from 'kysely';
import { addSeededRows } from './stored-rows';

const GRANTS: ReadonlyArray<readonly [role: string, permission: string]> = [
  ['supervisor', 'reports.view'],
  ['supervisor', 'reports.submit'],
  ['director', 'reports.view'],
  ['director', 'reports.submit'],
  ['general_manager', 'reports.view'],
  ['general_manager', 'reports.submit'],
  ['admin', 'reports.view'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await addSeededRows(
    db,
    GRANTS.map(([role, permission]) => ({
      table: 'role_permission',
      key: JSON.stringify([role, permission]),
      data: { role, permission },
      group: role,
    })),
  );
}
