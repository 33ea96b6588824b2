/**
 * A plaintext download of a contract on a real desk: the director asks, the seeded rule holds it
 * for dual review, a second approver approves, and the allowance is the director's alone, for 24
 * hours, used once by `archive.download`; each step is in the audit trail. A supervisor without
 * the contracts' read permission gets nothing even when approved, an agent may not ask, and a
 * deleted document cannot be asked for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromJson } from '@shared/json';
import { ADMIN, addStaff, openDesk, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;
let fileId: string;
let documentId: string;
const CONTRACT_NAME = '20261115-01-客房布草洗涤服务合同';
const FILE_NAME = '布草洗涤合同.pdf';
/** The contract's bytes: a marker, then enough to make three chunks. */
const ORIGINAL = Buffer.concat([
  Buffer.from('%PDF-1.7 MARKER-CONTRACT-PLAINTEXT '),
  Buffer.alloc(2 * 1024 * 1024 + 12_345, 7),
]);

/** A contract filed on this desk by the admin: uploaded a chunk at a time, then filed. */
async function fileContract(): Promise<string> {
  await signIn(desk, ADMIN.username, ADMIN.password);
  const upload = await desk.call('archive.upload.begin', {
    tier: 'contract',
    fileName: FILE_NAME,
    mediaType: 'application/pdf',
    size: ORIGINAL.length,
  });
  for (let index = 0; index < upload.chunks; index++)
    await desk.call('archive.upload.chunk', {
      uploadId: upload.uploadId,
      index,
      data: ORIGINAL.subarray(index * upload.chunkSize, (index + 1) * upload.chunkSize).toString('base64'),
    });
  const contract = await desk.call('archive.contracts.add', {
    uploadId: upload.uploadId,
    name: CONTRACT_NAME,
    counterparty: '洁雅洗涤公司',
    project: '客房',
    contractNo: '01',
    amountFen: 12_000_000,
    signedOn: '2026-11-15',
    expiresOn: '2027-11-14',
  });
  documentId = contract.id;
  return contract.latest.id;
}

beforeEach(async () => {
  desk = await openDesk();
  await setUpDesk(desk);
  for (const [name, role] of [
    ['zhou', 'director'],
    ['wang', 'director'],
    ['chen', 'supervisor'],
    ['zhao', 'supervisor'],
    ['lina', 'agent'],
  ] as const)
    await addStaff(desk, name, role);
  fileId = await fileContract();
});
afterEach(() => desk.close());

const grants = () => desk.services.db.selectFrom('archive_grant').selectAll().execute();

async function auditOf(operation: string) {
  return desk.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('operation', '=', operation)
    .orderBy('seq')
    .execute();
}

async function staffId(username: string): Promise<string> {
  return (
    await desk.services.db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirstOrThrow()
  ).id;
}

/** The signed-in person asks for the download; `approver` approves it from their own session. */
async function askAndApprove(asker: string, approver: string, reason = '外部审计要求提供合同原件') {
  await signIn(desk, asker);
  const request = await desk.call('approvals.request', {
    operation: 'archive.allowDownload',
    input: { fileId, reason },
    reason,
  });
  await signIn(desk, approver);
  const decided = await desk.call('approvals.decide', { requestId: request.id, decision: 'approve', comment: '同意' });
  return { request, decided };
}

/** The whole plaintext of a read, a chunk at a time. */
async function readAll(read: { readId: string; chunks: number }): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let index = 0; index < read.chunks; index++) {
    const { data } = await desk.call('archive.read', { readId: read.readId, index });
    parts.push(Buffer.from(data, 'base64'));
  }
  return Buffer.concat(parts);
}

describe('a plaintext download of a contract', () => {
  it('is held for dual review, then allowed to the director alone, once', async () => {
    await signIn(desk, 'zhou');
    expect(await desk.fail('archive.allowDownload', { fileId, reason: '外部审计' })).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: '', dualReview: 1 },
    });
    expect(await grants()).toEqual([]);

    const request = await desk.call('approvals.request', {
      operation: 'archive.allowDownload',
      input: { fileId, reason: '外部审计要求提供合同原件' },
      reason: '外部审计要求提供合同原件',
    });
    expect(request).toMatchObject({
      status: 'pending',
      subject: { type: 'archive_file', id: fileId, label: `${CONTRACT_NAME} · v1 · ${FILE_NAME}` },
      amountFen: null,
      awaiting: { approverRole: null, dualReview: true },
    });
    expect((await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve' })).code).toBe(
      'APPROVAL_OWN_REQUEST',
    );
    // Nothing yet: the director cannot download before the review.
    expect((await desk.fail('archive.download', { fileId })).code).toBe('ARCHIVE_DOWNLOAD_NOT_ALLOWED');

    const approvedAt = desk.clock.now();
    await signIn(desk, 'chen');
    const decided = await desk.call('approvals.decide', {
      requestId: request.id,
      decision: 'approve',
      comment: '同意',
    });
    const until = new Date(approvedAt.getTime() + 24 * 3_600_000).toISOString();
    expect(decided).toMatchObject({
      status: 'executed',
      decisions: [expect.objectContaining({ reviewed: true, decider: expect.objectContaining({ name: 'chen' }) })],
    });
    expect(fromJson(JSON.stringify(decided.result))).toEqual({ fileId, until });
    expect(await grants()).toEqual([
      expect.objectContaining({
        file_id: fileId,
        staff_id: await staffId('zhou'),
        reason: '外部审计要求提供合同原件',
        granted_at: approvedAt.toISOString(),
        expires_at: until,
        used_at: null,
        device: desk.services.device.id,
      }),
    ]);
    // It travels like any write.
    const queued = await desk.services.db.selectFrom('outbox').select('name').execute();
    expect(queued.map((row) => row.name)).toContain('archive.allowDownload');

    // Another director, who may read the contract, cannot use the director's allowance.
    await signIn(desk, 'wang');
    expect((await desk.fail('archive.download', { fileId })).code).toBe('ARCHIVE_DOWNLOAD_NOT_ALLOWED');

    await signIn(desk, 'zhou');
    const read = await desk.call('archive.download', { fileId });
    expect(read).toMatchObject({ fileId, fileName: FILE_NAME, size: ORIGINAL.length, chunks: 3 });
    expect((await readAll(read)).equals(ORIGINAL)).toBe(true);
    expect((await grants())[0]!.used_at).toBe(desk.clock.now().toISOString());
    expect((await desk.fail('archive.download', { fileId })).code).toBe('ARCHIVE_DOWNLOAD_NOT_ALLOWED');

    // Every step is in the audit trail: asked, approved, allowed (with who approved), downloaded, refused.
    expect(await auditOf('approvals.request')).toMatchObject([{ actor_name: 'zhou', outcome: 'ok' }]);
    expect((await auditOf('approvals.decide')).map((entry) => [entry.actor_name, entry.outcome])).toEqual([
      ['chen', 'ok'],
    ]);
    const [allowed, ...more] = await auditOf('archive.allowDownload');
    expect(more).toEqual([]);
    expect(allowed).toMatchObject({ actor_name: 'zhou', outcome: 'ok', entity_type: 'archive_grant' });
    expect(fromJson(allowed!.detail_json!)).toMatchObject({
      after: { fileId, until, document: CONTRACT_NAME, version: 1 },
      approval: { requestId: request.id, deciders: [expect.objectContaining({ name: 'chen' })] },
    });
    expect(
      (await auditOf('archive.download')).map((entry) => [entry.actor_name, entry.outcome, entry.entity_id]),
    ).toEqual([
      ['zhou', 'failed', fileId],
      ['wang', 'failed', fileId],
      ['zhou', 'ok', fileId],
      ['zhou', 'failed', fileId],
    ]);
  });

  it('lapses after 24 hours unused', async () => {
    await askAndApprove('zhou', 'zhao');
    desk.clock.advanceMinutes(24 * 60 + 1);
    await signIn(desk, 'zhou');
    expect((await desk.fail('archive.download', { fileId })).code).toBe('ARCHIVE_DOWNLOAD_NOT_ALLOWED');
  });

  it('gives nothing to a supervisor who may not read contracts, even approved; an agent may not ask', async () => {
    const { decided } = await askAndApprove('chen', 'zhao');
    expect(decided).toMatchObject({ status: 'failed', errorCode: 'PERMISSION_DENIED' });
    expect(await grants()).toEqual([]);

    await signIn(desk, 'lina');
    expect(await desk.fail('archive.allowDownload', { fileId, reason: '客人要求' })).toEqual({
      code: 'PERMISSION_DENIED',
      params: { permission: 'approvals.decide' },
    });
    expect(
      (
        await desk.fail('approvals.request', {
          operation: 'archive.allowDownload',
          input: { fileId, reason: '客人要求' },
          reason: '客人要求',
        })
      ).code,
    ).toBe('PERMISSION_DENIED');
  });

  it('cannot be asked for a deleted document or an unknown file', async () => {
    await desk.services.db
      .updateTable('archive_document')
      .set({ deleted_at: desk.clock.now().toISOString(), deleted_by: await staffId('admin') })
      .where('id', '=', documentId)
      .execute();
    await signIn(desk, 'zhou');
    for (const id of [fileId, '0192f000-0000-7000-8000-0000000000ff'])
      expect(
        (
          await desk.fail('approvals.request', {
            operation: 'archive.allowDownload',
            input: { fileId: id, reason: '审计' },
            reason: '审计',
          })
        ).code,
      ).toBe('NOT_FOUND');
    expect(await desk.services.db.selectFrom('approval_request').selectAll().execute()).toEqual([]);
  });
});
