/**
 * Server migration 04: guest and ticket-visitor rows stored before the desks sealed phones and ID
 * numbers lose those clear values, and so do the rows kept to answer a refused push again; on
 * SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as guestFieldsSealed from '../../src-server/db/migrations/2026-11-30-04-guest-fields-sealed';
import { BACKENDS, serverFor } from './backends';
import type { TestServer } from './harness';
import { STORED_AT as AT, storedProperty, storedRow } from './stored-rows';

const OLD_GUEST = {
  id: 'g1',
  customer_no: 'C1',
  name: '王芳',
  phone: '13812345678',
  segment: 'leisure',
  id_type: 'id_card',
  id_number: '330102199001011234',
  temporary: 0,
};
const OLD_VISITOR = {
  id: 'v1',
  order_id: 'o1',
  name: '李雷',
  id_type: 'passport',
  id_number: 'E99887766',
  redeemed_at: null,
  redeemed_by: null,
};

describe.each(BACKENDS)('server migration 04 on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('takes clear phones and ID numbers out of stored rows and kept push answers, and leaves everything else', async () => {
    const { db } = server.db;
    await storedProperty(db);
    await db
      .insertInto('sync_row')
      .values([
        storedRow('guest', 'g1', OLD_GUEST, 1),
        storedRow('ticket_visitor', 'v1', OLD_VISITOR, 2),
        storedRow('room', 'r1', { id: 'r1', number: '301' }, 3),
      ])
      .execute();
    await db
      .insertInto('push_result')
      .values({
        device_id: 'd1',
        seq: 3,
        mutation_id: 'm3',
        name: 'guests.update',
        status: 'rejected',
        reason: 'WRITE_NOT_ALLOWED',
        detail: null,
        conflict_id: null,
        restore_json: JSON.stringify([{ table: 'guest', key: 'g1', row: OLD_GUEST }]),
        at: AT,
      })
      .execute();

    await guestFieldsSealed.up(db);

    const stored = await db.selectFrom('sync_row').select(['row_key', 'data']).orderBy('row_key').execute();
    const { phone: _phone, id_number: _guestId, ...guest } = OLD_GUEST;
    const { id_number: _visitorId, ...visitor } = OLD_VISITOR;
    expect(stored.map((r) => [r.row_key, JSON.parse(r.data!)])).toEqual([
      ['g1', guest],
      ['r1', { id: 'r1', number: '301' }],
      ['v1', visitor],
    ]);
    const kept = await db.selectFrom('push_result').select('restore_json').execute();
    expect(kept.map((r) => JSON.parse(r.restore_json!))).toEqual([[{ table: 'guest', key: 'g1', row: guest }]]);
  });
});
