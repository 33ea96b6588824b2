/**
 * Desk migrations 19 and 20: a property set up before them grants `complaints.handle` to the roles
 * that handle guests and `complaints.supervise` to the approvers, and neither grant (nor the
 * seeded compensation rule) is queued as a change (the server makes its copies by its own
 * migrations); a desk not yet set up grants nothing.
 */
import { sql } from 'kysely';
import type { Permission } from '@shared/permissions';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src-main/db/connection';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { tempDir } from './desk';

let opened: OpenedDatabase | null = null;
afterEach(async () => {
  await opened?.db.destroy();
  opened = null;
});

async function before19(dataDir: string) {
  const index = MIGRATIONS.findIndex(([name]) => name === '2026-11-30-19-complaints');
  return openDatabase(dataDir, { migrations: MIGRATIONS.slice(0, index) });
}

const grantees = async (db: OpenedDatabase['db'], permission: Permission = 'complaints.handle') =>
  (await db.selectFrom('role_permission').select('role').where('permission', '=', permission).execute())
    .map((row) => row.role)
    .sort();

describe('migrations 19 and 20', () => {
  it('grant complaints.handle and complaints.supervise on a property set up before them, and leave no change to send', async () => {
    const dataDir = tempDir();
    const old = await before19(dataDir);
    await sql`INSERT INTO property (id, name, time_zone, currency, created_at, updated_at)
      VALUES ('p1', '西湖宾馆', 'Asia/Shanghai', 'CNY', '2026-11-26T02:00:00.000Z', '2026-11-26T02:00:00.000Z')`.execute(
      old.db,
    );
    await sql`DELETE FROM sync_touched`.execute(old.db);
    await old.db.destroy();

    opened = await openDatabase(dataDir);
    expect(await grantees(opened.db)).toEqual(
      ['admin', 'agent', 'director', 'general_manager', 'service_rep', 'supervisor'].sort(),
    );
    expect(await grantees(opened.db, 'complaints.supervise')).toEqual(['director', 'general_manager', 'supervisor']);
    expect(await opened.db.selectFrom('sync_touched').selectAll().execute()).toEqual([]);
  });

  it('grant nothing on a desk not yet set up', async () => {
    const dataDir = tempDir();
    await (await before19(dataDir)).db.destroy();
    opened = await openDatabase(dataDir);
    expect(await grantees(opened.db)).toEqual([]);
    expect(await grantees(opened.db, 'complaints.supervise')).toEqual([]);
  });
});
