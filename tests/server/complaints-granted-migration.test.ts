/**
 * Server migration 08: the stored permission matrix gets `complaints.handle` for the roles every
 * desk grants it to, each row under the property's next version; a key already held stays; on
 * SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as complaintsGranted from '../../src-server/db/migrations/2026-11-30-08-complaints-granted';
import { BACKENDS, serverFor } from './backends';
import type { TestServer } from './harness';
import { storedGrant, storedProperty } from './stored-rows';

describe.each(BACKENDS)('server migration 08 on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('grants complaints.handle in the stored matrix, after the versions already taken', async () => {
    const { db } = server.db;
    await storedProperty(db);
    await db
      .insertInto('sync_row')
      .values([storedGrant('agent', 'tickets.sell', 1), storedGrant('admin', 'complaints.handle', 3)])
      .execute();

    await complaintsGranted.up(db);

    const stored = await db
      .selectFrom('sync_row')
      .select(['row_key', 'version', 'group_key'])
      .where('table_name', '=', 'role_permission')
      .orderBy('version')
      .execute();
    expect(stored.map((row) => [row.row_key, Number(row.version)])).toEqual([
      ['["agent","tickets.sell"]', 1],
      ['["admin","complaints.handle"]', 3],
      ['["agent","complaints.handle"]', 4],
      ['["service_rep","complaints.handle"]', 5],
      ['["supervisor","complaints.handle"]', 6],
      ['["director","complaints.handle"]', 7],
      ['["general_manager","complaints.handle"]', 8],
    ]);
    expect(stored.at(-1)!.group_key).toBe('general_manager');
    const property = await db.selectFrom('property').select('version').executeTakeFirstOrThrow();
    expect(Number(property.version)).toBe(8);
  });
});
