/**
 * Migration 18: a desk's permission matrix from before gets the booking permissions' new names
 * (`reservations.*` → `bookings.*`), and the rename is not queued as a change of the desk's own
 * (the server renames its copy by its own migration).
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src-main/db/connection';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { tempDir } from './desk';

let opened: OpenedDatabase | null = null;
afterEach(async () => {
  await opened?.db.destroy();
  opened = null;
});

describe('migration 18', () => {
  it('renames the booking permissions of every role and leaves no change to send', async () => {
    const dataDir = tempDir();
    const before18 = MIGRATIONS.findIndex(([name]) => name === '2026-11-30-18-one-name-per-domain');
    const old = await openDatabase(dataDir, { migrations: MIGRATIONS.slice(0, before18) });
    await sql`INSERT INTO role_permission (role, permission) VALUES ('agent', 'reservations.view'), ('agent', 'reservations.manage'),
      ('supervisor', 'reservations.view'), ('agent', 'tickets.sell')`.execute(old.db);
    expect(
      (
        await sql<{ n: number }>`SELECT count(*) AS n FROM sync_touched WHERE table_name = 'role_permission'`.execute(
          old.db,
        )
      ).rows[0]!.n,
    ).toBe(4);
    await sql`DELETE FROM sync_touched`.execute(old.db);
    await old.db.destroy();

    opened = await openDatabase(dataDir);
    const rows = await opened.db
      .selectFrom('role_permission')
      .selectAll()
      .orderBy('role')
      .orderBy('permission')
      .execute();
    expect(rows).toEqual([
      { role: 'agent', permission: 'bookings.manage' },
      { role: 'agent', permission: 'bookings.view' },
      { role: 'agent', permission: 'tickets.sell' },
      { role: 'supervisor', permission: 'bookings.view' },
    ]);
    expect(await opened.db.selectFrom('sync_touched').selectAll().execute()).toEqual([]);
  });
});
