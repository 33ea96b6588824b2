/**
 * Server migration 14: the rooms the server stores get the hold sequence desk migration 25 added
 * (0; a sequence already there stays) and name their aggregate root `room:<id>`, a deleted room
 * too, each at the property's next version (so every desk pulls it again and learns the root —
 * without that a desk's claims, based on 0, would be stale on every push); other tables keep their
 * roots and versions. On SQLite and on PostgreSQL.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRow } from '@shared/sync/row-schemas';
import * as roomHolds from '../../src-server/db/migrations/2026-11-30-14-room-holds';
import { BACKENDS, serverFor } from './backends';
import type { TestServer } from './harness';
import { STORED_AT, storedProperty, storedRow } from './stored-rows';

/** A room as a desk before migration 25 sent it (no hold sequence). */
const room = (id: string, number: string) => ({
  id,
  number,
  floor: Number(number[0]),
  room_type_id: TYPE,
  features_json: '[]',
  status: 'vacant_clean',
  attendant_id: null,
  created_at: STORED_AT,
  updated_at: STORED_AT,
  server_version: 1,
  deleted_at: null,
});

const TYPE = uuidv7();

describe.each(BACKENDS)('server migration 14 on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('gives every stored room hold sequence 0 (keeping one already there) and the root room:<id> at the next version, deleted rooms included, and no other row', async () => {
    const { db } = server.db;
    await storedProperty(db);
    const [r301, r302, r501, gone] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const claimed = { ...room(r501, '501'), hold_seq: 3 };
    await db
      .insertInto('sync_row')
      .values([
        storedRow('room', r301, room(r301, '301'), 1),
        storedRow('room', r302, room(r302, '302'), 2),
        storedRow('room', r501, claimed, 3),
        { ...storedRow('room', gone, null, 4), data: null, deleted: 1 },
        { ...storedRow('callback', 'c1', { id: 'c1' }, 5), root_key: 'callback:c1' },
        storedRow('room_type', TYPE, { id: TYPE }, 6),
      ])
      .execute();
    await db.updateTable('property').set({ version: 6 }).where('id', '=', 'p1').execute();
    // Before: a room as an upgraded desk holds it does not fit the stored row laid over.
    expect(validateRow('room', room(r301, '301')).ok).toBe(false);

    await roomHolds.up(db);

    const stored = await db
      .selectFrom('sync_row')
      .select(['table_name', 'row_key', 'data', 'deleted', 'root_key', 'version'])
      .orderBy('version')
      .execute();
    const byKey = new Map(stored.map((r) => [r.row_key, r]));
    expect(JSON.parse(byKey.get(r301)!.data!)).toEqual({ ...room(r301, '301'), hold_seq: 0 });
    expect(JSON.parse(byKey.get(r302)!.data!)).toEqual({ ...room(r302, '302'), hold_seq: 0 });
    expect(JSON.parse(byKey.get(r501)!.data!)).toEqual(claimed);
    for (const key of [r301, r302, r501])
      expect(validateRow('room', JSON.parse(byKey.get(key)!.data!))).toEqual({ ok: true });
    expect(stored.map((r) => [r.table_name, r.root_key, Number(r.deleted), Number(r.version)])).toEqual([
      ['callback', 'callback:c1', 0, 5],
      ['room_type', null, 0, 6],
      ['room', `room:${r301}`, 0, 7],
      ['room', `room:${r302}`, 0, 8],
      ['room', `room:${r501}`, 0, 9],
      ['room', `room:${gone}`, 1, 10],
    ]);
    const property = await db.selectFrom('property').select('version').where('id', '=', 'p1').executeTakeFirstOrThrow();
    expect(Number(property.version)).toBe(10);
    expect(byKey.get(gone)!.data).toBeNull();
  });
});
