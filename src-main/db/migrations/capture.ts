/**
 * Steps later migrations share (each migration that uses them is frozen with what it passes in):
 * sync triggers that mark every insert, update and delete of a synced table's row in
 * `sync_touched`, and a grant every desk of an existing property makes for itself — not a change
 * for it to send, since the server makes the same grant in its stored matrix by its own migration.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
type Db = Kysely<any>;

export async function captureChanges(db: Db, tables: ReadonlyArray<readonly [table: string, key: string]>) {
  for (const [table, key] of tables) {
    for (const [event, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_sync_${event.toLowerCase()} AFTER ${event} ON ${table}
           BEGIN INSERT OR REPLACE INTO sync_touched (table_name, row_key) VALUES ('${table}', CAST(${row}.${key} AS TEXT)); END`,
        )
        .execute(db);
    }
  }
}

export async function grantOnExistingProperty(
  db: Db,
  grants: ReadonlyArray<readonly [role: string, permission: string]>,
) {
  for (const [role, permission] of grants) {
    await sql`INSERT OR IGNORE INTO role_permission (role, permission)
      SELECT ${role}, ${permission} WHERE EXISTS (SELECT 1 FROM property)`.execute(db);
    await sql`DELETE FROM sync_touched WHERE table_name = 'role_permission' AND row_key = ${JSON.stringify([role, permission])}`.execute(
      db,
    );
  }
}
