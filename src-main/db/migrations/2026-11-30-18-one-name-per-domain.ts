/**
 * Frozen: the booking permissions take the domain's one name, `bookings.view` and
 * `bookings.manage` (they were `reservations.*`). The matrix is renamed here and on the server by
 * its own migration (07), so the rename is not a change for the desk to send: its marks are taken
 * off the rows it touched.
 */
import { sql, type Kysely } from 'kysely';

const RENAMED = [
  ['reservations.view', 'bookings.view'],
  ['reservations.manage', 'bookings.manage'],
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const [before, after] of RENAMED) {
    const roles = (
      await sql<{ role: string }>`SELECT role FROM role_permission WHERE permission = ${before}`.execute(db)
    ).rows;
    await sql`UPDATE role_permission SET permission = ${after} WHERE permission = ${before}`.execute(db);
    for (const { role } of roles) {
      for (const permission of [before, after]) {
        await sql`DELETE FROM sync_touched WHERE table_name = 'role_permission' AND row_key = ${JSON.stringify([role, permission])}`.execute(
          db,
        );
      }
    }
  }
}
