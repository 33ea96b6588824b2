/**
 * Server migration 07: the permission matrix the server stores gets the booking permissions' new
 * names, live rows and deleted ones alike, under their new keys; other rows stay; on SQLite and
 * on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oneNamePerDomain from '../../src-server/db/migrations/2026-11-30-07-one-name-per-domain';
import { BACKENDS, serverFor } from './backends';
import type { TestServer } from './harness';
import { storedGrant, storedProperty } from './stored-rows';

describe.each(BACKENDS)('server migration 07 on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('renames reservations.* to bookings.* in the stored matrix', async () => {
    const { db } = server.db;
    await storedProperty(db);
    await db
      .insertInto('sync_row')
      .values([
        storedGrant('agent', 'reservations.view', 1),
        storedGrant('agent', 'reservations.manage', 2),
        storedGrant('agent', 'tickets.sell', 3),
        { ...storedGrant('supervisor', 'reservations.manage', 4), data: null, deleted: 1 },
      ])
      .execute();

    await oneNamePerDomain.up(db);

    const stored = await db
      .selectFrom('sync_row')
      .select(['row_key', 'data', 'deleted', 'version'])
      .where('table_name', '=', 'role_permission')
      .orderBy('version')
      .execute();
    expect(stored).toEqual([
      {
        row_key: '["agent","bookings.view"]',
        data: JSON.stringify({ role: 'agent', permission: 'bookings.view' }),
        deleted: 0,
        version: 1,
      },
      {
        row_key: '["agent","bookings.manage"]',
        data: JSON.stringify({ role: 'agent', permission: 'bookings.manage' }),
        deleted: 0,
        version: 2,
      },
      {
        row_key: '["agent","tickets.sell"]',
        data: JSON.stringify({ role: 'agent', permission: 'tickets.sell' }),
        deleted: 0,
        version: 3,
      },
      { row_key: '["supervisor","bookings.manage"]', data: null, deleted: 1, version: 4 },
    ]);
  });
});
