/**
 * Archive work done offline on a desk whose pending work is rebased (issue 15): the rebase runs
 * every pending intent again. A contract filed long after its upload was used up is filed again
 * (also after the desk restarted in between: the complete upload is kept on the desk, not in
 * memory), and a one-time plaintext download stays used. Two real desks and a real server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/harness';
import { closeTwoDesks, openTwoDesks, syncAll } from '../sync/desks';
import { addStaff, ADMIN, openDesk, signIn, type Desk } from './desk';
import type { Hotel } from './hotel';
import { addContract, auditOf, markedFile, readAll } from './archive-files';

describe('archive work rebased', { timeout: 90_000 }, () => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;

  beforeEach(async () => {
    ({ server, a, b, hotel } = await openTwoDesks('sqlite'));
    await signIn(a, 'admin', ADMIN.password);
    await addStaff(a, 'zhou', 'director');
    await syncAll(a, b);
  });
  afterEach(() => closeTwoDesks({ server, a, b }));

  /** Both desks change one booking offline, desk A's change reaching the server first: desk B's pending work is rebased. */
  async function contestBooking(beforeB: () => Promise<void>): Promise<void> {
    const stay = { channel: 'phone' as const, arrival: '2026-12-10', departure: '2026-12-12', adults: 1 };
    const change = { ...stay, roomTypeId: hotel.standard, ratePlanId: null, children: 0 };
    const authorisation = { method: 'message' as const, reference: '微信确认' };
    await signIn(a, 'lina');
    const shared = await a.call('bookings.create', { ...stay, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);
    await a.call('bookings.change', { ...change, id: shared.id, specialRequests: '晚到', authorisation });
    await a.services.sync.syncNow();
    await signIn(b, 'lina');
    await b.call('bookings.change', { ...change, id: shared.id, adults: 2, specialRequests: '', authorisation });
    await beforeB();
  }

  async function workItems(desk: Desk) {
    await signIn(desk, 'admin', ADMIN.password);
    return (await desk.call('conflicts.list', { status: 'open' })).filter((item) => item.kind === 'rebase_refused');
  }

  it('files a contract again and it opens on the other desk', async () => {
    const bytes = markedFile(1024 * 1024 + 333, '离线合同');
    let contract!: Awaited<ReturnType<typeof addContract>>;
    await contestBooking(async () => {
      await signIn(b, 'admin', ADMIN.password);
      contract = await addContract(b, 'HT2026-701', bytes);
    });
    await syncAll(b, a);

    // Desk B ran its pending work again on the newer booking: the filing twice in its trail, both kept.
    expect((await auditOf(b, 'archive.contracts.add')).map((entry) => entry.outcome)).toEqual(['ok', 'ok']);
    expect(await b.call('sync.status')).toMatchObject({ pendingCount: 0, lastError: null });
    expect(await workItems(b)).toEqual([]);

    await signIn(a, 'zhou');
    const [listed] = await a.call('archive.listContracts', {});
    expect(listed).toMatchObject({
      id: contract.id,
      latest: { id: contract.latest.id, sha256: contract.latest.sha256 },
    });
    const read = await a.call('archive.open', { fileId: contract.latest.id });
    expect((await readAll(a, read)).equals(bytes)).toBe(true);
  });

  it('files a contract again after the desk restarted before the rebase', async () => {
    const bytes = markedFile(2 * 1024 * 1024 + 7, '重启前上传');
    let contract!: Awaited<ReturnType<typeof addContract>>;
    await contestBooking(async () => {
      await signIn(b, 'admin', ADMIN.password);
      contract = await addContract(b, 'HT2026-702', bytes);
    });
    // The app closes with the filing pending, and starts again from its folder.
    await b.close();
    b = await openDesk(b.dataDir);
    await syncAll(b, a);

    expect(await workItems(b)).toEqual([]);
    expect(await b.call('sync.status')).toMatchObject({ pendingCount: 0, lastError: null });
    await signIn(a, 'zhou');
    const read = await a.call('archive.open', { fileId: contract.latest.id });
    expect((await readAll(a, read)).equals(bytes)).toBe(true);
  });

  it('keeps a one-time download used', async () => {
    // The policy holds no plaintext download here: the allowance is made at once.
    const policy = await a.call('approvals.policy', {});
    await a.call('approvals.setPolicy', {
      ...policy,
      rules: policy.rules.filter((rule) => rule.operation !== 'archive.allowDownload'),
    } as never);
    const bytes = markedFile(5000, '下载一次');
    const contract = await addContract(a, 'HT2026-703', bytes);
    await syncAll(a, b);

    await contestBooking(async () => {
      await signIn(b, 'zhou');
      await b.call('archive.allowDownload', { fileId: contract.latest.id, reason: '审计取证' });
      const read = await b.call('archive.download', { fileId: contract.latest.id });
      expect((await readAll(b, read)).equals(bytes)).toBe(true);
    });
    await syncAll(b, a);

    expect(await workItems(b)).toEqual([]);
    for (const desk of [a, b]) {
      const grants = await desk.services.db.selectFrom('archive_grant').select(['used_at']).execute();
      expect(grants).toHaveLength(1);
      expect(grants[0]!.used_at).not.toBeNull();
    }
    await signIn(b, 'zhou');
    expect(await b.fail('archive.download', { fileId: contract.latest.id })).toMatchObject({
      code: 'ARCHIVE_DOWNLOAD_NOT_ALLOWED',
    });
  });
});
