/** Rows written straight into a server's tables, as an older server left them, for the tests of server migrations. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src-server/db/schema';

export const STORED_AT = '2026-11-26T02:00:00.000Z';

/** Property p1, founded by desk d1 (enrolled, three mutations taken). */
export async function storedProperty(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('property')
    .values({ id: 'p1', founding_device_id: 'd1', version: 3, created_at: STORED_AT })
    .execute();
  await db
    .insertInto('device')
    .values({
      id: 'd1',
      property_id: 'p1',
      desk_code: '5ZMM',
      token_hash: 'h1',
      enrolled_at: STORED_AT,
      revoked_at: null,
      last_seq: 3,
      last_seen_at: STORED_AT,
    })
    .execute();
}

/** One synced row of property p1 as the server stores it, written by desk d1. */
export function storedRow(table: string, key: string, data: unknown, version: number) {
  return {
    property_id: 'p1',
    table_name: table,
    row_key: key,
    data: JSON.stringify(data),
    deleted: 0,
    version,
    group_key: null,
    unique_key: null,
    root_key: null,
    writer_device: 'd1',
  };
}

/** A role's grant of a permission in property p1's matrix, as the server stores it. */
export function storedGrant(role: string, permission: string, version: number) {
  return storedRow('role_permission', JSON.stringify([role, permission]), { role, permission }, version);
}
