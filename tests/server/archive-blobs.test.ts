/**
 * The archive's encrypted chunks on a real server, with hand-built rows: a chunk is taken only
 * under its own hash and only when a filed file of the caller's property names it, stored once,
 * and handed out only to a desk of the property that holds it.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  BLOB_DEVICE_HEADER,
  BLOB_MAX_BYTES,
  BLOB_SCHEMA_HEADER,
  DESK_SCHEMA_VERSION,
  SNAPSHOT_OPERATION,
  type SyncErrorBody,
} from '@shared/sync/protocol';
import type { SyncRow } from '@shared/sync/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, serverFor } from './backends';
import { post, type TestDesk } from './desk';
import { ADMIN, effect, foundProperty } from './fixtures';
import type { TestServer } from './harness';
import { STORED_AT, storedGrant, storedProperty } from './stored-rows';
import * as archiveMigration from '../../src-server/db/migrations/2026-11-30-11-archive';

const at = '2026-12-01T08:00:00.000Z';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function documentRow(id: string, deletedAt: string | null = null, retainUntil = '2031-11-30'): SyncRow {
  return {
    id,
    tier: 'record',
    name: `record ${id}`,
    counterparty: null,
    project: null,
    contract_no: null,
    amount_fen: null,
    signed_on: null,
    effective_on: null,
    expires_on: null,
    status: null,
    tags_json: '[]',
    subject_type: null,
    subject_id: null,
    record_kind: deletedAt ? 'reports' : 'audit',
    period: id === 'doc-old' ? '2024-12' : '2026-11',
    retain_until: retainUntil,
    created_by: ADMIN,
    created_at: at,
    device: 'desk-1',
    deleted_at: deletedAt,
    deleted_by: deletedAt ? ADMIN : null,
    server_version: null,
  };
}

function fileRow(id: string, documentId: string, hashes: string[]): SyncRow {
  return {
    id,
    document_id: documentId,
    version: 1,
    file_name: `${id}.json`,
    media_type: 'application/json',
    size: Math.max(0, hashes.length * 1024 * 1024 - 100),
    sha256: sha(Buffer.from(id)),
    chunk_size: 1024 * 1024,
    chunks_json: JSON.stringify(hashes),
    wrapped_key: 'AAAA',
    key_id: 'key-1',
    uploaded_by: ADMIN,
    uploaded_at: at,
    device: 'desk-1',
    server_version: null,
  };
}

/** A property whose snapshot files one record with the given chunks (and a deleted record naming `orphans`). */
async function propertyWith(server: TestServer, chunks: Buffer[], orphans: Buffer[] = []) {
  const { founder, propertyId } = await foundProperty(server, [
    effect('archive_document', documentRow('doc-1')),
    effect('archive_file', fileRow('file-1', 'doc-1', chunks.map(sha))),
    effect('archive_document', documentRow('doc-gone', at)),
    effect('archive_file', fileRow('file-gone', 'doc-gone', orphans.map(sha))),
  ]);
  return { desk: founder, propertyId };
}

function headers(desk: TestDesk, extra: Record<string, string> = {}, schemaVersion = DESK_SCHEMA_VERSION) {
  return {
    authorization: `Bearer ${desk.token}`,
    [BLOB_DEVICE_HEADER]: desk.deviceId,
    [BLOB_SCHEMA_HEADER]: String(schemaVersion),
    ...extra,
  };
}

async function put(desk: TestDesk, hash: string, bytes: Buffer, schemaVersion?: number) {
  const response = await fetch(`${desk.server.url}/blobs/${hash}`, {
    method: 'PUT',
    headers: headers(desk, { 'content-type': 'application/octet-stream' }, schemaVersion),
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as SyncErrorBody & { stored?: boolean } };
}

async function get(desk: TestDesk, hash: string) {
  const response = await fetch(`${desk.server.url}/blobs/${hash}`, { headers: headers(desk) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    bytes,
    error: response.ok ? null : (JSON.parse(bytes.toString('utf8')) as SyncErrorBody).error,
  };
}

function missing(desk: TestDesk, hashes: string[]) {
  return post<{ missing: string[] }>(
    desk.server.url,
    '/blobs/missing',
    { deviceId: desk.deviceId, schemaVersion: DESK_SCHEMA_VERSION, hashes },
    desk.token,
  );
}

async function blobCount(server: TestServer, propertyId: string): Promise<number> {
  const { n } = await server.db.db
    .selectFrom('archive_blob')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('property_id', '=', propertyId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe.each(BACKENDS)('archive chunks on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server.close());

  it('stores a chunk a filed file names, once: a second PUT stores nothing new, and GET hands the same bytes back', async () => {
    const chunk = randomBytes(4096);
    const { desk, propertyId } = await propertyWith(server, [chunk]);
    expect((await missing(desk, [sha(chunk)])).body).toEqual({ missing: [sha(chunk)] });

    expect(await put(desk, sha(chunk), chunk)).toEqual({ status: 200, body: { stored: true } });
    expect(await put(desk, sha(chunk), chunk)).toEqual({ status: 200, body: { stored: false } });
    expect(await blobCount(server, propertyId)).toBe(1);
    expect((await missing(desk, [sha(chunk)])).body).toEqual({ missing: [] });

    const got = await get(desk, sha(chunk));
    expect(got.status).toBe(200);
    expect(got.bytes.equals(chunk)).toBe(true);
  });

  it('refuses bytes that do not hash to the name they are sent under, and stores nothing', async () => {
    const chunk = randomBytes(4096);
    const { desk, propertyId } = await propertyWith(server, [chunk]);
    const tampered = Buffer.from(chunk);
    tampered[0]! ^= 1;
    expect(await put(desk, sha(chunk), tampered)).toEqual({ status: 400, body: { error: 'BLOB_HASH_MISMATCH' } });
    expect(await blobCount(server, propertyId)).toBe(0);
  });

  it('refuses a chunk no live file of the property names (nobody parks data here), a deleted record’s included', async () => {
    const named = randomBytes(2048);
    const stray = randomBytes(2048);
    const orphan = randomBytes(2048);
    const { desk, propertyId } = await propertyWith(server, [named], [orphan]);
    expect(await put(desk, sha(stray), stray)).toEqual({ status: 403, body: { error: 'BLOB_UNREFERENCED' } });
    expect(await put(desk, sha(orphan), orphan)).toEqual({ status: 403, body: { error: 'BLOB_UNREFERENCED' } });
    expect(await blobCount(server, propertyId)).toBe(0);
  });

  it('never hands out or takes another property’s chunk: GET is 404 and PUT is refused', async () => {
    const chunk = randomBytes(4096);
    const { desk } = await propertyWith(server, [chunk]);
    const other = await propertyWith(server, [randomBytes(10)]);
    expect((await put(desk, sha(chunk), chunk)).status).toBe(200);

    expect(await get(other.desk, sha(chunk))).toMatchObject({ status: 404, error: 'ARCHIVE_NOT_ON_SERVER' });
    expect(await put(other.desk, sha(chunk), chunk)).toEqual({
      status: 403,
      body: { error: 'BLOB_UNREFERENCED' },
    });
    expect((await missing(other.desk, [sha(chunk)])).body).toEqual({ missing: [sha(chunk)] });
  });

  it('lets go of a deleted record’s chunks that no live file names, and keeps one another file shares', async () => {
    const [own, shared, other] = [randomBytes(300), randomBytes(300), randomBytes(300)];
    const { desk, propertyId } = await propertyWith(server, [shared, other]);
    const old = documentRow('doc-old', null, '2025-01-31');
    const snapshotMore = await desk.run(SNAPSHOT_OPERATION, [
      effect('archive_document', old),
      effect('archive_file', fileRow('file-old', 'doc-old', [own, shared].map(sha))),
    ]);
    expect(snapshotMore.status).toBe('applied');
    for (const chunk of [own, shared, other]) expect((await put(desk, sha(chunk), chunk)).status).toBe(200);

    const deleted = { ...old, deleted_at: new Date().toISOString(), deleted_by: ADMIN };
    const result = await desk.run(
      'archive.records.delete',
      [{ ...effect('archive_document', deleted), columns: ['deleted_at', 'deleted_by'] }],
      { actorId: ADMIN, input: { id: 'doc-old' } },
    );
    expect(result).toMatchObject({ status: 'applied' });
    expect(await blobCount(server, propertyId)).toBe(2);
    expect(await get(desk, sha(own))).toMatchObject({ status: 404, error: 'ARCHIVE_NOT_ON_SERVER' });
    expect((await get(desk, sha(shared))).bytes.equals(shared)).toBe(true);
  });

  it('answers 404 ARCHIVE_NOT_ON_SERVER for a chunk not uploaded yet', async () => {
    const chunk = randomBytes(100);
    const { desk } = await propertyWith(server, [chunk]);
    expect(await get(desk, sha(chunk))).toMatchObject({ status: 404, error: 'ARCHIVE_NOT_ON_SERVER' });
  });

  it('asks the same of a caller as /sync/*: a known token, the device it names, this schema; a body no larger than a chunk', async () => {
    const chunk = randomBytes(100);
    const { desk, propertyId } = await propertyWith(server, [chunk]);
    const anonymous = await fetch(`${server.url}/blobs/${sha(chunk)}`);
    expect(anonymous.status).toBe(401);
    const otherDevice = await fetch(`${server.url}/blobs/${sha(chunk)}`, {
      headers: headers(desk, { [BLOB_DEVICE_HEADER]: 'someone-else' }),
    });
    expect(otherDevice.status).toBe(401);
    expect(await put(desk, sha(chunk), chunk, DESK_SCHEMA_VERSION - 1)).toMatchObject({
      status: 426,
      body: { error: 'UPGRADE_REQUIRED' },
    });
    expect((await put(desk, 'not-a-hash', chunk)).body).toMatchObject({ error: 'BAD_REQUEST' });
    const huge = randomBytes(BLOB_MAX_BYTES + 4096);
    expect(await put(desk, sha(huge), huge)).toEqual({ status: 413, body: { error: 'BODY_TOO_LARGE' } });
    expect(await blobCount(server, propertyId)).toBe(0);
  });
});

describe.each(BACKENDS)('server migration 11 on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server?.close());

  it('gives a property the server held before it the archive grants and approval rules, after its versions, and the chunk table', async () => {
    const { db } = server.db;
    await storedProperty(db);
    await db
      .insertInto('sync_row')
      .values(storedGrant('admin', 'archive.records.manage', 3))
      .execute();
    // As the server stood before migration 11.
    await db.schema.dropTable('archive_blob').execute();

    await archiveMigration.up(db);

    const stored = await db
      .selectFrom('sync_row')
      .select(['table_name', 'row_key', 'data', 'version'])
      .where('property_id', '=', 'p1')
      .orderBy('version')
      .execute();
    expect(stored).toHaveLength(1 + 17 + 2);
    expect(stored.filter((row) => row.row_key === '["admin","archive.records.manage"]')).toHaveLength(1);
    expect(stored.find((row) => row.row_key === '["director","archive.contracts.read"]')).toBeDefined();
    expect(stored.at(-1)).toMatchObject({
      table_name: 'approval_rule',
      row_key: 'archive.records.delete',
      version: 22,
    });
    expect(JSON.parse(stored.at(-2)!.data!)).toEqual({
      operation: 'archive.allowDownload',
      needs_approval: 1,
      min_approver_role: 'supervisor',
      approval_min_fen: null,
      dual_review: 1,
      dual_review_min_fen: null,
    });
    expect(Number((await db.selectFrom('property').select('version').executeTakeFirstOrThrow()).version)).toBe(22);
    await db
      .insertInto('archive_blob')
      .values({ property_id: 'p1', hash: 'h', bytes: Buffer.from([0, 255, 1]), stored_at: STORED_AT })
      .execute();
    const blob = await db.selectFrom('archive_blob').select('bytes').executeTakeFirstOrThrow();
    expect(Buffer.from(blob.bytes)).toEqual(Buffer.from([0, 255, 1]));
  });
});
