/**
 * Server migration 06: a property and a guest stored before desk migrations 14–17 get the columns
 * those added (with a desk's defaults), so a change an upgraded desk pushes onto them passes the
 * table's schema (with migration 12's columns laid too); values already there stay; on SQLite and
 * on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRow } from '@shared/sync/row-schemas';
import * as columnsAdded from '../../src-server/db/migrations/2026-11-30-06-columns-added';
import * as deskPolish from '../../src-server/db/migrations/2026-11-30-12-desk-polish';
import { BACKENDS, serverFor } from './backends';
import type { TestServer } from './harness';
import { STORED_AT as AT, storedProperty, storedRow } from './stored-rows';

const OLD_PROPERTY = {
  id: 'p1',
  name: '西湖宾馆',
  time_zone: 'Asia/Shanghai',
  currency: 'CNY',
  idle_lock_minutes: 10,
  created_at: AT,
  updated_at: AT,
};
const OLD_GUEST = {
  id: 'g1',
  customer_no: 'C00000001',
  name: '王芳',
  segment: 'leisure',
  id_type: 'id_card',
  preferences: null,
  special_needs: null,
  email: null,
  temporary: 0,
  created_at: AT,
  updated_at: AT,
  server_version: 1,
  deleted_at: null,
};
const NEW_GUEST = {
  ...OLD_GUEST,
  id: 'g2',
  customer_no: 'C00000002',
  phone_last4: '5678',
  phone_masked: '138****5678',
  id_number_sealed: null,
  id_number_hmac: null,
  phone_sealed: null,
  phone_hmac: null,
  erased_at: null,
};

describe.each(BACKENDS)('server migration 06 on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('gives stored rows the columns desks added, so an upgraded desk’s change validates; values already there stay', async () => {
    const { db } = server.db;
    await storedProperty(db);
    await db
      .insertInto('sync_row')
      .values([
        storedRow('property', 'p1', OLD_PROPERTY, 1),
        storedRow('guest', 'g1', OLD_GUEST, 2),
        storedRow('guest', 'g2', NEW_GUEST, 3),
      ])
      .execute();
    // Before: the schema refuses the stored property as it stands, with a desk's change laid over it.
    expect(validateRow('property', { ...OLD_PROPERTY, name: '西湖宾馆（北山店）' }).ok).toBe(false);

    await columnsAdded.up(db);

    const stored = new Map(
      (await db.selectFrom('sync_row').select(['row_key', 'data']).execute()).map((r) => [
        r.row_key,
        JSON.parse(r.data!) as Record<string, unknown>,
      ]),
    );
    expect(stored.get('p1')).toEqual({ ...OLD_PROPERTY, key_envelope: null, key_id: null, max_stay_nights: 90 });
    expect(stored.get('g1')).toEqual({
      ...OLD_GUEST,
      id_number_sealed: null,
      id_number_hmac: null,
      phone_sealed: null,
      phone_hmac: null,
      phone_last4: null,
      phone_masked: null,
      erased_at: null,
    });
    expect(stored.get('g2')).toEqual(NEW_GUEST);
    // A later migration lays the columns desks added since (12: the property's address and phone).
    await deskPolish.up(db);
    const property = JSON.parse(
      (await db.selectFrom('sync_row').select('data').where('row_key', '=', 'p1').executeTakeFirstOrThrow()).data!,
    ) as Record<string, unknown>;
    expect(property).toEqual({ ...stored.get('p1'), address: null, phone: null });
    expect(validateRow('property', { ...property, name: '西湖宾馆（北山店）', max_stay_nights: 120 })).toEqual({
      ok: true,
    });
    expect(validateRow('guest', { ...stored.get('g1'), name: '王芳芳' })).toEqual({ ok: true });
  });
});
