/**
 * Desk migration 24: member tiers get an English name, seeded for the default tier codes (a tier
 * the property made keeps none), and the seeding is not queued as a change to send — the server
 * lays the same names by its own migration 13.
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

describe('migration 24', () => {
  it('names the default tiers in English, leaves a tier of the property’s own unnamed, and queues nothing', async () => {
    const dataDir = tempDir();
    const index = MIGRATIONS.findIndex(([name]) => name === '2026-11-30-24-tier-names');
    const old = await openDatabase(dataDir, { migrations: MIGRATIONS.slice(0, index) });
    await sql`INSERT INTO member_tier (code, name, rank, min_spend_fen, min_nights, earn_percent, discount_percent)
      VALUES ('jade', '翡翠卡', 9, 9000000, 90, 200, 15)`.execute(old.db);
    await sql`DELETE FROM sync_touched`.execute(old.db);
    await old.db.destroy();

    opened = await openDatabase(dataDir);
    const tiers = await opened.db.selectFrom('member_tier').select(['code', 'name_en']).orderBy('rank').execute();
    expect(tiers).toEqual([
      { code: 'standard', name_en: 'Standard' },
      { code: 'silver', name_en: 'Silver' },
      { code: 'gold', name_en: 'Gold' },
      { code: 'platinum', name_en: 'Platinum' },
      { code: 'jade', name_en: null },
    ]);
    expect(await opened.db.selectFrom('sync_touched').selectAll().execute()).toEqual([]);
  });
});
