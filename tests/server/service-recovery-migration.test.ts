/**
 * Server migration 09: stored complaints get the columns desk migration 20 added (a value already
 * there stays); the stored matrix gets `complaints.supervise` for the approvers, and the stored
 * policy the rule that holds compensation and the default targets, each under the property's next
 * version unless the key is held; on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as serviceRecovery from '../../src-server/db/migrations/2026-11-30-09-service-recovery';
import { BACKENDS, serverFor } from './backends';
import type { TestServer } from './harness';
import { storedGrant, storedProperty, storedRow } from './stored-rows';

describe.each(BACKENDS)('server migration 09 on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('completes stored complaints and adds the grants, the compensation rule and the targets', async () => {
    const { db } = server.db;
    await storedProperty(db);
    await db
      .insertInto('sync_row')
      .values([
        storedRow('complaint', 'c1', { id: 'c1', status: 'open' }, 1),
        storedRow('complaint', 'c2', { id: 'c2', status: 'closed', co_owner_id: 's9' }, 2),
        storedGrant('supervisor', 'complaints.supervise', 3),
      ])
      .execute();

    await serviceRecovery.up(db);

    const data = async (table: string, key: string) => {
      const row = await db
        .selectFrom('sync_row')
        .select(['data', 'version'])
        .where('table_name', '=', table)
        .where('row_key', '=', key)
        .executeTakeFirstOrThrow();
      return { data: JSON.parse(row.data!) as Record<string, unknown>, version: Number(row.version) };
    };
    expect((await data('complaint', 'c1')).data).toEqual({
      id: 'c1',
      status: 'open',
      co_owner_id: null,
      signed_off_by: null,
      signed_off_at: null,
      waiting_since: null,
    });
    expect((await data('complaint', 'c2')).data).toMatchObject({ co_owner_id: 's9', waiting_since: null });
    expect((await data('role_permission', '["supervisor","complaints.supervise"]')).version).toBe(3);
    expect((await data('role_permission', '["director","complaints.supervise"]')).version).toBe(4);
    expect((await data('role_permission', '["general_manager","complaints.supervise"]')).version).toBe(5);
    expect(await data('approval_rule', 'complaints.compensate')).toEqual({
      data: {
        operation: 'complaints.compensate',
        needs_approval: 1,
        min_approver_role: 'supervisor',
        approval_min_fen: null,
        dual_review: 0,
        dual_review_min_fen: null,
      },
      version: 6,
    });
    expect((await data('complaint_target', 'major')).data).toEqual({
      severity: 'major',
      respond_amount: 24,
      respond_unit: 'hours',
      resolve_amount: 72,
      resolve_unit: 'hours',
    });
    const property = await db.selectFrom('property').select('version').executeTakeFirstOrThrow();
    expect(Number(property.version)).toBe(9);
  });
});
