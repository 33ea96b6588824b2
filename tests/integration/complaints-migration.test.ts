/**
 * Desk migration 19: a property set up before it grants `complaints.handle` to the roles that
 * handle guests, and the grant is not queued as a change (the server grants its copy by its own
 * migration); a desk not yet set up grants nothing.
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

async function before19(dataDir: string) {
  const index = MIGRATIONS.findIndex(([name]) => name === '2026-11-30-19-complaints');
  return openDatabase(dataDir, { migrations: MIGRATIONS.slice(0, index) });
}

const grantees = async (db: OpenedDatabase['db']) =>
  (await db.selectFrom('role_permission').select('role').where('permission', '=', 'complaints.handle').execute())
    .map((row) => row.role)
    .sort();

describe('migration 19', () => {
  it('grants complaints.handle on a property set up before it, and leaves no change to send', async () => {
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
    expect(await opened.db.selectFrom('sync_touched').selectAll().execute()).toEqual([]);
  });

  it('grants nothing on a desk not yet set up', async () => {
    const dataDir = tempDir();
    await (await before19(dataDir)).db.destroy();
    opened = await openDatabase(dataDir);
    expect(await grantees(opened.db)).toEqual([]);
  });
});
