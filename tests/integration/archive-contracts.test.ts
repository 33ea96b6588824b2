/**
 * Tier-1 contracts on a real desk (issue 15): a file uploaded a chunk at a time, filed and read
 * back byte for byte; the naming rule and unique names; versions that keep the earlier ones; and
 * uploads refused — too large, a chunk out of order, someone else's — with nothing stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_CHUNK_BYTES } from '@shared/contract/archive';
import { fromJson } from '@shared/json';
import { openDesk, signIn, type Desk } from './desk';
import {
  addContract,
  auditOf,
  contractInput,
  markedFile,
  openArchiveDesk,
  readAll,
  sha256,
  upload,
} from './archive-files';

let desk: Desk;

beforeEach(async () => {
  desk = await openDesk();
  await openArchiveDesk(desk);
});
afterEach(() => desk.close());

async function chunkCount(): Promise<number> {
  const { n } = await desk.services.db
    .selectFrom('archive_chunk')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe('a contract filed and opened', () => {
  it('reads back every byte of a multi-chunk file whose size is not a multiple of the chunk', async () => {
    const bytes = markedFile(2 * ARCHIVE_CHUNK_BYTES + 12_345, 'HT2026-031 洗涤合同');
    const contract = await addContract(desk, 'HT2026-031', bytes);
    expect(contract).toMatchObject({
      tier: 'contract',
      name: '20261120-HT2026-031-客房布草洗涤',
      contract: { contractNo: 'HT2026-031', counterparty: '杭州洁安洗涤有限公司', status: 'in_force' },
      latest: { version: 1, size: bytes.length, sha256: sha256(bytes), viewable: true, onThisDesk: true },
      versions: 1,
      mayManage: true,
      mayRead: false,
    });
    const [entry] = await auditOf(desk, 'archive.contracts.add');
    expect(entry).toMatchObject({ outcome: 'ok', entity_type: 'archive_document', entity_id: contract.id });

    await signIn(desk, 'zhou');
    const read = await desk.call('archive.open', { fileId: contract.latest.id });
    expect(read).toMatchObject({ chunks: 3, size: bytes.length, sha256: sha256(bytes), mediaType: 'application/pdf' });
    const back = await readAll(desk, read);
    expect(sha256(back)).toBe(sha256(bytes));
    expect(back.equals(bytes)).toBe(true);
  });

  it('files an empty-but-one-byte file and a file of exactly one chunk', async () => {
    for (const [no, size] of [
      ['HT2026-001', 1],
      ['HT2026-002', ARCHIVE_CHUNK_BYTES],
    ] as const) {
      const bytes = markedFile(size, 'x');
      const contract = await addContract(desk, no, bytes);
      await signIn(desk, 'zhou');
      const read = await desk.call('archive.open', { fileId: contract.latest.id });
      expect(read.chunks).toBe(1);
      expect((await readAll(desk, read)).equals(bytes)).toBe(true);
      await signIn(desk, 'admin', 'admin-pass-1');
    }
  });
});

describe('the naming rule', () => {
  it('refuses a name that does not follow it, with the rule and a name that would, and files nothing', async () => {
    const uploadId = await upload(desk, 'contract', markedFile(1000, 'a'));
    const error = await desk.fail('archive.contracts.add', {
      ...contractInput('HT2026-040'),
      name: '洗涤合同2026',
      uploadId,
    });
    expect(error).toEqual({
      code: 'ARCHIVE_NAME_INVALID',
      params: { rule: 'date-number-subject', example: '20261120-HT2026-040-客房布草洗涤' },
    });
    expect(await desk.call('archive.listContracts', {})).toEqual([]);
    // The upload is still there: the same file filed under a right name.
    const contract = await desk.call('archive.contracts.add', { ...contractInput('HT2026-040'), uploadId });
    expect(contract.name).toBe('20261120-HT2026-040-客房布草洗涤');
    // And then it is used up.
    expect(await desk.fail('archive.contracts.add', { ...contractInput('HT2026-041'), uploadId })).toMatchObject({
      code: 'ARCHIVE_UPLOAD_UNKNOWN',
    });
  });

  it('follows the policy: "project name-contract number" once the admin sets it', async () => {
    const policy = await desk.call('archive.policy', {});
    await desk.call('archive.setPolicy', { ...policy, naming: 'project-number' });
    const uploadId = await upload(desk, 'contract', markedFile(1000, 'a'));
    expect(await desk.fail('archive.contracts.add', { ...contractInput('HT2026-050'), uploadId })).toEqual({
      code: 'ARCHIVE_NAME_INVALID',
      params: { rule: 'project-number', example: '客房布草洗涤-HT2026-050' },
    });
    const contract = await desk.call('archive.contracts.add', {
      ...contractInput('HT2026-050'),
      name: '客房布草洗涤－HT2026-050', // typed with a full-width hyphen
      uploadId,
    });
    expect(contract.name).toBe('客房布草洗涤-HT2026-050');
    const [entry] = await auditOf(desk, 'archive.setPolicy');
    expect(entry).toMatchObject({ entity_type: 'setting', entity_id: 'archive.policy' });
  });

  it('refuses a name another contract has, in any letter case', async () => {
    await addContract(desk, 'HT2026-060', markedFile(1000, 'a'));
    const uploadId = await upload(desk, 'contract', markedFile(1000, 'b'));
    expect(
      await desk.fail('archive.contracts.add', {
        ...contractInput('ht2026-060'),
        name: '20261120-ht2026-060-客房布草洗涤',
        uploadId,
      }),
    ).toEqual({ code: 'ARCHIVE_NAME_TAKEN', params: { name: '20261120-ht2026-060-客房布草洗涤' } });
    expect(await desk.call('archive.listContracts', {})).toHaveLength(1);
  });

  it('checks the name again when the metadata is edited', async () => {
    const contract = await addContract(desk, 'HT2026-070', markedFile(1000, 'a'));
    const fields = { ...contractInput('HT2026-070'), id: contract.id };
    expect(await desk.fail('archive.contracts.update', { ...fields, signedOn: '2026-11-21' })).toMatchObject({
      code: 'ARCHIVE_NAME_INVALID',
    });
    const updated = await desk.call('archive.contracts.update', {
      ...fields,
      signedOn: '2026-11-21',
      name: '20261121-HT2026-070-客房布草洗涤',
      status: 'terminated',
      tags: ['洗涤'],
    });
    expect(updated).toMatchObject({ name: '20261121-HT2026-070-客房布草洗涤', versions: 1 });
    expect(updated.contract).toMatchObject({ status: 'terminated', tags: ['洗涤'], signedOn: '2026-11-21' });
    expect(updated.latest.id).toBe(contract.latest.id);
  });
});

describe('versions', () => {
  it('adds a version and keeps the earlier one, each opening to its own bytes', async () => {
    const first = markedFile(5000, 'first version');
    const second = markedFile(ARCHIVE_CHUNK_BYTES + 7, 'second version');
    const contract = await addContract(desk, 'HT2026-080', first);
    const uploadId = await upload(desk, 'contract', second, { fileName: 'HT2026-080-v2.pdf' });
    const after = await desk.call('archive.contracts.addVersion', { id: contract.id, uploadId });
    expect(after.versions).toBe(2);
    expect(after.files.map((file) => [file.version, file.fileName, file.sha256])).toEqual([
      [2, 'HT2026-080-v2.pdf', sha256(second)],
      [1, 'HT2026-080.pdf', sha256(first)],
    ]);
    await signIn(desk, 'zhou');
    for (const [file, bytes] of [
      [after.files[0]!, second],
      [after.files[1]!, first],
    ] as const) {
      const read = await desk.call('archive.open', { fileId: file.id });
      expect((await readAll(desk, read)).equals(bytes)).toBe(true);
    }
  });
});

describe('uploads refused', () => {
  it('refuses a file over the policy’s size before anything is sent', async () => {
    const policy = await desk.call('archive.policy', {});
    await desk.call('archive.setPolicy', { ...policy, maxFileMb: 2 });
    expect(
      await desk.fail('archive.upload.begin', {
        tier: 'contract',
        fileName: 'big.pdf',
        mediaType: 'application/pdf',
        size: 2 * 1024 * 1024 + 1,
      }),
    ).toEqual({ code: 'ARCHIVE_TOO_LARGE', params: { maxMb: 2 } });
    expect(await chunkCount()).toBe(0);
  });

  it('refuses a chunk out of order or of the wrong length, storing nothing, and a filing before the last chunk', async () => {
    const bytes = markedFile(ARCHIVE_CHUNK_BYTES + 10, 'order');
    const { uploadId } = await desk.call('archive.upload.begin', {
      tier: 'contract',
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
    });
    const chunk = (index: number) => bytes.subarray(index * ARCHIVE_CHUNK_BYTES, (index + 1) * ARCHIVE_CHUNK_BYTES);
    expect(await desk.fail('archive.upload.chunk', { uploadId, index: 1, data: chunk(1).toString('base64') })).toEqual({
      code: 'ARCHIVE_CHUNK_INVALID',
      params: { expected: 0 },
    });
    expect(
      await desk.fail('archive.upload.chunk', { uploadId, index: 0, data: chunk(0).subarray(1).toString('base64') }),
    ).toEqual({ code: 'ARCHIVE_CHUNK_INVALID', params: { expected: 0 } });
    expect(await chunkCount()).toBe(0);
    await desk.call('archive.upload.chunk', { uploadId, index: 0, data: chunk(0).toString('base64') });
    expect(await chunkCount()).toBe(1);
    expect(await desk.fail('archive.contracts.add', { ...contractInput('HT2026-090'), uploadId })).toEqual({
      code: 'ARCHIVE_UPLOAD_INCOMPLETE',
      params: { received: 1, expected: 2 },
    });
    expect(await desk.call('archive.listContracts', {})).toEqual([]);
  });

  it('refuses someone else’s upload, and a customer upload filed as a contract', async () => {
    const uploadId = await upload(desk, 'contract', markedFile(100, 'mine'));
    await signIn(desk, 'zhou');
    expect(
      await desk.fail('archive.upload.chunk', { uploadId, index: 0, data: Buffer.from('x').toString('base64') }),
    ).toEqual({ code: 'ARCHIVE_UPLOAD_UNKNOWN' });
    expect(await desk.fail('archive.contracts.add', { ...contractInput('HT2026-100'), uploadId })).toEqual({
      code: 'ARCHIVE_UPLOAD_UNKNOWN',
    });
    const customer = await upload(desk, 'customer', markedFile(100, 'id copy'));
    expect(await desk.fail('archive.contracts.add', { ...contractInput('HT2026-100'), uploadId: customer })).toEqual({
      code: 'ARCHIVE_UPLOAD_UNKNOWN',
    });
    expect(await desk.call('archive.listContracts', {})).toEqual([]);
    expect(await desk.services.db.selectFrom('archive_file').selectAll().execute()).toEqual([]);
  });

  it('refuses an upload an hour old, and an agent uploading a contract', async () => {
    const uploadId = await upload(desk, 'contract', markedFile(100, 'late'));
    desk.clock.advanceMinutes(61);
    await desk.call('auth.unlock', { password: 'admin-pass-1' });
    expect(await desk.fail('archive.contracts.add', { ...contractInput('HT2026-110'), uploadId })).toEqual({
      code: 'ARCHIVE_UPLOAD_UNKNOWN',
    });
    await signIn(desk, 'lina');
    expect(
      await desk.fail('archive.upload.begin', {
        tier: 'contract',
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        size: 10,
      }),
    ).toEqual({ code: 'PERMISSION_DENIED', params: { permission: 'archive.contracts.manage' } });
  });

  it('sweeps chunks staged a day ago that no file names, and keeps those a file names', async () => {
    await addContract(desk, 'HT2026-120', markedFile(100, 'kept'));
    const { uploadId } = await desk.call('archive.upload.begin', {
      tier: 'contract',
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      size: ARCHIVE_CHUNK_BYTES + 1,
    });
    await desk.call('archive.upload.chunk', {
      uploadId,
      index: 0,
      data: markedFile(ARCHIVE_CHUNK_BYTES, 'left').toString('base64'),
    });
    expect(await chunkCount()).toBe(2);
    desk.clock.advanceMinutes(24 * 60 + 1);
    await desk.call('auth.unlock', { password: 'admin-pass-1' });
    await desk.call('archive.upload.begin', {
      tier: 'contract',
      fileName: 'b.pdf',
      mediaType: 'application/pdf',
      size: 1,
    });
    const files = await desk.services.db.selectFrom('archive_file').select('chunks_json').execute();
    const named = files.flatMap((file) => fromJson(file.chunks_json));
    const held = await desk.services.db.selectFrom('archive_chunk').select('hash').execute();
    expect(held.map((row) => row.hash)).toEqual(named);
  });
});
