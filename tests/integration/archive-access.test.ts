/**
 * Who opens what in the archive (issue 15), on a real desk: the admin files a contract but cannot
 * open it, the director can; the agent attaches a customer document but cannot open it; the
 * supervisor opens it only with their password typed again within the policy's minutes. Every
 * attempt, allowed or refused, is in the audit trail with the file named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromJson } from '@shared/json';
import { ADMIN, openDesk, signIn, type Desk } from './desk';
import { addContract, auditOf, markedFile, openArchiveDesk, readAll, sha256, upload } from './archive-files';

let desk: Desk;
let contractFile: string;
let customerFile: string;
let guest: string;
const CONTRACT = markedFile(300_000, '合同正文');
const ID_COPY = markedFile(80_000, '身份证复印件');

beforeEach(async () => {
  desk = await openDesk();
  ({ guest } = await openArchiveDesk(desk));
  contractFile = (await addContract(desk, 'HT2026-201', CONTRACT)).latest.id;
  await signIn(desk, 'lina');
  const uploadId = await upload(desk, 'customer', ID_COPY, { fileName: 'id.jpg', mediaType: 'image/jpeg' });
  customerFile = (
    await desk.call('archive.attach', { uploadId, subjectType: 'guest', subjectId: guest, title: '身份证复印件' })
  ).latest.id;
});
afterEach(() => desk.close());

/** The audit entries of opening one file: who, how it went, and why not. */
async function openAttempts(fileId: string) {
  return (await auditOf(desk, 'archive.open'))
    .filter((entry) => entry.entity_id === fileId)
    .map((entry) => ({
      actor: entry.actor_name,
      outcome: entry.outcome,
      error: entry.detail_json ? ((fromJson(entry.detail_json) as { error?: string }).error ?? null) : null,
      document: entry.detail_json
        ? ((fromJson(entry.detail_json) as { after?: { document?: string } }).after?.document ?? null)
        : null,
    }));
}

describe('a contract', () => {
  it('is opened by the director only; the admin who filed it, the supervisor and the agent are refused, each attempt audited', async () => {
    await signIn(desk, 'admin', ADMIN.password);
    expect(await desk.fail('archive.open', { fileId: contractFile })).toEqual({
      code: 'PERMISSION_DENIED',
      params: { permission: 'archive.contracts.read' },
    });
    for (const name of ['chen', 'lina']) {
      await signIn(desk, name);
      expect(await desk.fail('archive.open', { fileId: contractFile })).toMatchObject({ code: 'PERMISSION_DENIED' });
    }
    await signIn(desk, 'zhou');
    const read = await desk.call('archive.open', { fileId: contractFile });
    expect(sha256(await readAll(desk, read))).toBe(sha256(CONTRACT));

    const document = '20261120-HT2026-201-客房布草洗涤';
    expect(await openAttempts(contractFile)).toEqual([
      { actor: 'admin', outcome: 'failed', error: 'PERMISSION_DENIED', document },
      { actor: 'chen', outcome: 'failed', error: 'PERMISSION_DENIED', document },
      { actor: 'lina', outcome: 'failed', error: 'PERMISSION_DENIED', document },
      { actor: 'zhou', outcome: 'ok', error: null, document },
    ]);
    const [opened] = (await auditOf(desk, 'archive.open')).filter((entry) => entry.outcome === 'ok');
    expect(opened).toMatchObject({ entity_type: 'archive_file' });
    expect(fromJson(opened!.detail_json!)).toMatchObject({ after: { version: 1, sha256: sha256(CONTRACT) } });
  });

  it('is listed for those who manage or read contracts, not for the supervisor or the agent', async () => {
    for (const [name, password] of [
      ['admin', ADMIN.password],
      ['zhou', undefined],
    ] as const) {
      await signIn(desk, name, password);
      const [listed] = await desk.call('archive.listContracts', {});
      expect(listed?.latest.id).toBe(contractFile);
      const detail = await desk.call('archive.document', { id: listed!.id });
      expect({ mayRead: detail.mayRead, mayManage: detail.mayManage }).toEqual(
        name === 'zhou' ? { mayRead: true, mayManage: true } : { mayRead: false, mayManage: true },
      );
    }
    const [listed] = await desk.call('archive.listContracts', {});
    for (const name of ['chen', 'lina']) {
      await signIn(desk, name);
      expect(await desk.fail('archive.listContracts', {})).toMatchObject({ code: 'PERMISSION_DENIED' });
      expect(await desk.fail('archive.document', { id: listed!.id })).toMatchObject({ code: 'PERMISSION_DENIED' });
    }
  });

  it('is refused to a plaintext download without an approved allowance, audited', async () => {
    await signIn(desk, 'zhou');
    expect(await desk.fail('archive.download', { fileId: contractFile })).toEqual({
      code: 'ARCHIVE_DOWNLOAD_NOT_ALLOWED',
    });
    expect((await auditOf(desk, 'archive.download')).map((entry) => [entry.entity_id, entry.outcome])).toEqual([
      [contractFile, 'failed'],
    ]);
  });
});

describe('a customer document', () => {
  it('opens for the supervisor only after their password is typed again, and not six minutes later', async () => {
    await signIn(desk, 'chen');
    expect(await desk.fail('archive.open', { fileId: customerFile })).toEqual({
      code: 'CONFIRM_PASSWORD_REQUIRED',
      params: { minutes: 5 },
    });
    expect(await desk.fail('auth.confirm', { password: 'wrong-pass-1' })).toEqual({ code: 'WRONG_PASSWORD' });
    expect(await desk.fail('archive.open', { fileId: customerFile })).toMatchObject({
      code: 'CONFIRM_PASSWORD_REQUIRED',
    });
    const { confirmedAt } = await desk.call('auth.confirm', { password: 'chen-pass-1' });
    expect(confirmedAt).toBe(desk.clock.now().toISOString());
    const read = await desk.call('archive.open', { fileId: customerFile });
    expect((await readAll(desk, read)).equals(ID_COPY)).toBe(true);

    desk.clock.advanceMinutes(5);
    await desk.call('archive.open', { fileId: customerFile });
    desk.clock.advanceMinutes(1);
    expect(await desk.fail('archive.open', { fileId: customerFile })).toEqual({
      code: 'CONFIRM_PASSWORD_REQUIRED',
      params: { minutes: 5 },
    });

    expect(await openAttempts(customerFile)).toEqual([
      { actor: 'chen', outcome: 'failed', error: 'CONFIRM_PASSWORD_REQUIRED', document: '身份证复印件' },
      { actor: 'chen', outcome: 'failed', error: 'CONFIRM_PASSWORD_REQUIRED', document: '身份证复印件' },
      { actor: 'chen', outcome: 'ok', error: null, document: '身份证复印件' },
      { actor: 'chen', outcome: 'ok', error: null, document: '身份证复印件' },
      { actor: 'chen', outcome: 'failed', error: 'CONFIRM_PASSWORD_REQUIRED', document: '身份证复印件' },
    ]);
    expect((await auditOf(desk, 'auth.confirm')).map((entry) => entry.outcome)).toEqual(['failed', 'ok']);
  });

  it('is refused to the agent who attached it and to the admin, with or without a password typed again', async () => {
    for (const [name, password] of [
      ['lina', 'lina-pass-1'],
      ['admin', ADMIN.password],
    ] as const) {
      await signIn(desk, name, password);
      await desk.call('auth.confirm', { password });
      expect(await desk.fail('archive.open', { fileId: customerFile })).toEqual({
        code: 'PERMISSION_DENIED',
        params: { permission: 'archive.customer.read' },
      });
    }
    // The agent still sees what is attached to the guest, without opening it.
    await signIn(desk, 'lina');
    const [listed] = await desk.call('archive.attachments', { subjectType: 'guest', subjectId: guest });
    expect(listed).toMatchObject({
      tier: 'customer',
      name: '身份证复印件',
      subject: { type: 'guest', id: guest, label: expect.stringContaining('王芳') },
      latest: { fileName: 'id.jpg', viewable: true },
    });
    expect(await openAttempts(customerFile)).toEqual([
      { actor: 'lina', outcome: 'failed', error: 'PERMISSION_DENIED', document: '身份证复印件' },
      { actor: 'admin', outcome: 'failed', error: 'PERMISSION_DENIED', document: '身份证复印件' },
    ]);
  });

  it('opens for the director after a confirmation too; a confirmation before signing in again does not count', async () => {
    await signIn(desk, 'zhou');
    await desk.call('auth.confirm', { password: 'zhou-pass-1' });
    await signIn(desk, 'zhou');
    expect(await desk.fail('archive.open', { fileId: customerFile })).toMatchObject({
      code: 'CONFIRM_PASSWORD_REQUIRED',
    });
    await desk.call('auth.confirm', { password: 'zhou-pass-1' });
    await desk.call('archive.open', { fileId: customerFile });
  });

  it('is attached only to a guest, booking or complaint that exists', async () => {
    await signIn(desk, 'lina');
    const uploadId = await upload(desk, 'customer', markedFile(100, 'x'));
    expect(
      await desk.fail('archive.attach', {
        uploadId,
        subjectType: 'booking',
        subjectId: guest,
        title: '授权书',
      }),
    ).toEqual({ code: 'NOT_FOUND' });
  });
});

describe('password typed again', () => {
  it('counts wrong passwords towards the same lockout as signing in', async () => {
    await signIn(desk, 'chen');
    for (let i = 0; i < 4; i++)
      expect(await desk.fail('auth.confirm', { password: 'wrong-pass-1' })).toEqual({ code: 'WRONG_PASSWORD' });
    expect(await desk.fail('auth.confirm', { password: 'wrong-pass-1' })).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(await desk.fail('auth.confirm', { password: 'chen-pass-1' })).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    await signIn(desk, 'admin', ADMIN.password);
    expect(await desk.fail('auth.signIn', { username: 'chen', password: 'chen-pass-1' })).toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
  });
});

describe('a read', () => {
  it('belongs to the sign-in that opened it: it ends when the desk locks or someone else signs in', async () => {
    await signIn(desk, 'zhou');
    const first = await desk.call('archive.open', { fileId: contractFile });
    await desk.call('archive.read', { readId: first.readId, index: 0 });
    await desk.call('auth.lock', {});
    await desk.call('auth.unlock', { password: 'zhou-pass-1' });
    expect(await desk.fail('archive.read', { readId: first.readId, index: 0 })).toEqual({
      code: 'ARCHIVE_READ_CLOSED',
    });

    const second = await desk.call('archive.open', { fileId: contractFile });
    await signIn(desk, 'admin', ADMIN.password);
    expect(await desk.fail('archive.read', { readId: second.readId, index: 0 })).toEqual({
      code: 'ARCHIVE_READ_CLOSED',
    });
    await signIn(desk, 'zhou');
    expect(await desk.fail('archive.read', { readId: second.readId, index: 0 })).toEqual({
      code: 'ARCHIVE_READ_CLOSED',
    });
  });

  it('ends ten minutes after it was opened', async () => {
    await signIn(desk, 'zhou');
    const read = await desk.call('archive.open', { fileId: contractFile });
    desk.clock.advanceMinutes(9);
    await desk.call('auth.keepAlive', {}); // the viewer in use keeps the desk from locking
    await desk.call('archive.read', { readId: read.readId, index: 0 });
    desk.clock.advanceMinutes(1);
    expect(await desk.fail('archive.read', { readId: read.readId, index: 0 })).toEqual({
      code: 'ARCHIVE_READ_CLOSED',
    });
  });
});
