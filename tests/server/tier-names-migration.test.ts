/**
 * Server migration 13: the member tiers the server stores get the English name desk migration 24
 * gave them — the desk's name for a default tier code, null for a tier the property made itself,
 * a name already there stays — so a desk joining later pulls what an upgraded desk holds; on
 * SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRow } from '@shared/sync/row-schemas';
import * as tierNames from '../../src-server/db/migrations/2026-11-30-13-tier-names';
import { BACKENDS, serverFor } from './backends';
import type { TestServer } from './harness';
import { storedProperty, storedRow } from './stored-rows';

const tier = (code: string, name: string, rank: number) => ({
  code,
  name,
  rank,
  min_spend_fen: rank * 500_000,
  min_nights: rank * 10,
  earn_percent: 100 + rank * 20,
  discount_percent: rank * 5,
});

describe.each(BACKENDS)('server migration 13 on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('gives the default tiers their English names and any other tier none, so a desk’s tier row validates', async () => {
    const { db } = server.db;
    await storedProperty(db);
    const named = { ...tier('silver', '银卡', 1), name_en: 'Silver card' };
    await db
      .insertInto('sync_row')
      .values([
        storedRow('member_tier', 'standard', tier('standard', '普通', 0), 1),
        storedRow('member_tier', 'gold', tier('gold', '金卡', 2), 2),
        storedRow('member_tier', 'jade', tier('jade', '翡翠卡', 3), 3),
        storedRow('member_tier', 'silver', named, 4),
      ])
      .execute();
    // Before: a tier as an upgraded desk holds it does not fit the stored row's columns laid over.
    expect(validateRow('member_tier', tier('gold', '金卡', 2)).ok).toBe(false);

    await tierNames.up(db);

    const stored = new Map(
      (
        await db.selectFrom('sync_row').select(['row_key', 'data']).where('table_name', '=', 'member_tier').execute()
      ).map((r) => [r.row_key, JSON.parse(r.data!) as Record<string, unknown>]),
    );
    expect(stored.get('standard')).toEqual({ ...tier('standard', '普通', 0), name_en: 'Standard' });
    expect(stored.get('gold')).toEqual({ ...tier('gold', '金卡', 2), name_en: 'Gold' });
    expect(stored.get('jade')).toEqual({ ...tier('jade', '翡翠卡', 3), name_en: null });
    expect(stored.get('silver')).toEqual(named);
    for (const row of stored.values()) expect(validateRow('member_tier', row)).toEqual({ ok: true });
  });
});
