/**
 * An archived file that is not as it was filed never opens (issue 15): a flipped byte in a stored
 * chunk, chunks re-hashed or put in another order, a data key wrapped for another file, or a desk
 * of another property holding its rows — each gives ARCHIVE_DAMAGED naming the file, no read,
 * and a failed attempt in the audit trail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_CHUNK_BYTES } from '@shared/contract/archive';
import { fromJson, toJson } from '@shared/json';
import { chunkHash } from '../../src-main/vault/file-cipher';
import { ADMIN, openDesk, signIn, type Desk } from './desk';
import { addContract, auditOf, markedFile, openArchiveDesk, readAll } from './archive-files';

const opened: Desk[] = [];
let desk: Desk;
let file: { id: string; fileName: string };
const BYTES = markedFile(2 * ARCHIVE_CHUNK_BYTES + 999, '完整性');

beforeEach(async () => {
  desk = await openDesk();
  opened.push(desk);
  await openArchiveDesk(desk);
  const contract = await addContract(desk, 'HT2026-401', BYTES);
  file = { id: contract.latest.id, fileName: contract.latest.fileName };
  await signIn(desk, 'zhou');
});
afterEach(async () => {
  for (const open of opened.splice(0)) await open.close();
});

const db = () => desk.services.db;

async function fileRow(id = file.id) {
  return db().selectFrom('archive_file').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function chunk(hash: string): Promise<Buffer> {
  return (await db().selectFrom('archive_chunk').select('bytes').where('hash', '=', hash).executeTakeFirstOrThrow())
    .bytes;
}

async function refusedAsDamaged(on: Desk = desk, fileId = file.id): Promise<void> {
  expect(await on.fail('archive.open', { fileId })).toEqual({
    code: 'ARCHIVE_DAMAGED',
    params: { file: file.fileName },
  });
  const last = (await auditOf(on, 'archive.open')).at(-1)!;
  expect(last).toMatchObject({ outcome: 'failed', entity_type: 'archive_file', entity_id: fileId, actor_name: 'zhou' });
  expect(fromJson(last.detail_json!)).toMatchObject({ error: 'ARCHIVE_DAMAGED' });
}

describe('a stored file altered', () => {
  it('opens as it was filed before it is touched (the control)', async () => {
    const read = await desk.call('archive.open', { fileId: file.id });
    expect((await readAll(desk, read)).equals(BYTES)).toBe(true);
  });

  it('with one byte flipped in a stored chunk is refused as damaged, nothing returned, the attempt audited', async () => {
    const [, middle] = fromJson((await fileRow()).chunks_json);
    const bytes = Buffer.from(await chunk(middle!));
    bytes[1234]! ^= 0x01;
    await db().updateTable('archive_chunk').set({ bytes }).where('hash', '=', middle!).execute();
    await refusedAsDamaged();
  });

  it('with a flipped byte whose chunk is re-hashed everywhere is refused by its tag', async () => {
    const row = await fileRow();
    const hashes = fromJson(row.chunks_json);
    const bytes = Buffer.from(await chunk(hashes[2]!));
    bytes[0]! ^= 0x80;
    const forged = chunkHash(bytes);
    await db().insertInto('archive_chunk').values({ hash: forged, bytes, staged_at: row.uploaded_at }).execute();
    await db()
      .updateTable('archive_file')
      .set({ chunks_json: toJson([hashes[0]!, hashes[1]!, forged]) })
      .where('id', '=', file.id)
      .execute();
    await refusedAsDamaged();
  });

  it('with its chunks put in another order is refused', async () => {
    const [a, b, c] = fromJson((await fileRow()).chunks_json);
    await db()
      .updateTable('archive_file')
      .set({ chunks_json: toJson([b!, a!, c!]) })
      .where('id', '=', file.id)
      .execute();
    await refusedAsDamaged();
  });

  it('with the digest of the original filed changed is refused, every chunk being sound', async () => {
    await db()
      .updateTable('archive_file')
      .set({ sha256: 'a'.repeat(64) })
      .where('id', '=', file.id)
      .execute();
    await refusedAsDamaged();
  });

  it('with the data key wrapped for another file is refused, though that key opens its own file', async () => {
    await signIn(desk, 'admin', ADMIN.password);
    const other = await addContract(desk, 'HT2026-402', markedFile(ARCHIVE_CHUNK_BYTES + 5, 'other'));
    const { wrapped_key } = await fileRow(other.latest.id);
    await db().updateTable('archive_file').set({ wrapped_key }).where('id', '=', file.id).execute();
    await signIn(desk, 'zhou');
    await refusedAsDamaged();
    await desk.call('archive.open', { fileId: other.latest.id });
  });
});

describe('a file whose chunks this desk lacks', () => {
  it('is fetched from the server first; a desk with no server says so, and the attempt is audited', async () => {
    const [first] = fromJson((await fileRow()).chunks_json);
    await db().deleteFrom('archive_chunk').where('hash', '=', first!).execute();
    expect((await desk.call('archive.listContracts', {}))[0]?.latest.onThisDesk).toBe(false);
    expect(await desk.fail('archive.open', { fileId: file.id })).toEqual({ code: 'SYNC_NOT_ENROLLED' });
    const last = (await auditOf(desk, 'archive.open')).at(-1)!;
    expect(last).toMatchObject({ outcome: 'failed', entity_id: file.id });
    expect(fromJson(last.detail_json!)).toMatchObject({ error: 'SYNC_NOT_ENROLLED' });
  });
});

describe('a desk of another property', () => {
  it('holding the file’s rows and chunks cannot open it: its property key does not unwrap the data key', async () => {
    const stranger = await openDesk();
    opened.push(stranger);
    await openArchiveDesk(stranger);
    const document = await db()
      .selectFrom('archive_document')
      .selectAll()
      .where('id', '=', (await fileRow()).document_id)
      .executeTakeFirstOrThrow();
    const row = await fileRow();
    const chunks = await db().selectFrom('archive_chunk').selectAll().execute();
    await stranger.services.db.insertInto('archive_document').values(document).execute();
    await stranger.services.db.insertInto('archive_file').values(row).execute();
    await stranger.services.db.insertInto('archive_chunk').values(chunks).execute();
    await signIn(stranger, 'zhou');
    await refusedAsDamaged(stranger);
  });
});
