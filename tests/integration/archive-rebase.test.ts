/**
 * A contract filed offline on a desk whose pending work is rebased (issue 15): the rebase runs
 * every pending intent again, the filing with it, long after its upload was used up; the filing
 * finds the file it made and files it again, so the contract reaches the server and opens on the
 * other desk, byte for byte, with no work item about it. Two real desks and a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/harness';
import { closeTwoDesks, openTwoDesks, syncAll } from '../sync/desks';
import { addStaff, ADMIN, signIn, type Desk } from './desk';
import type { Hotel } from './hotel';
import { addContract, auditOf, markedFile, readAll } from './archive-files';

describe('a contract filed offline and rebased', { timeout: 60_000 }, () => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;

  beforeAll(async () => {
    ({ server, a, b, hotel } = await openTwoDesks('sqlite'));
    await signIn(a, 'admin', ADMIN.password);
    await addStaff(a, 'zhou', 'director');
    await syncAll(a, b);
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  it('is filed again by the rebase and opens on the other desk', async () => {
    const stay = { channel: 'phone' as const, arrival: '2026-12-10', departure: '2026-12-12', adults: 1 };
    const change = { ...stay, roomTypeId: hotel.standard, ratePlanId: null, children: 0 };
    const authorisation = { method: 'message' as const, reference: '微信确认' };
    await signIn(a, 'lina');
    const shared = await a.call('bookings.create', { ...stay, guestId: hotel.guest, roomTypeId: hotel.standard });
    await syncAll(a, b);

    // Offline, both desks change the same booking; desk B also files a contract.
    await a.call('bookings.change', { ...change, id: shared.id, specialRequests: '晚到', authorisation });
    await a.services.sync.syncNow();
    await b.call('bookings.change', { ...change, id: shared.id, adults: 2, specialRequests: '', authorisation });
    await signIn(b, 'admin', ADMIN.password);
    const bytes = markedFile(1024 * 1024 + 333, '离线合同');
    const contract = await addContract(b, 'HT2026-701', bytes);
    await syncAll(b, a);

    // Desk B ran its pending work again on the newer room: the filing twice in its trail, both kept.
    expect((await auditOf(b, 'archive.contracts.add')).map((entry) => entry.outcome)).toEqual(['ok', 'ok']);
    expect(await b.call('sync.status')).toMatchObject({ pendingCount: 0, lastError: null });
    const refused = (await b.call('conflicts.list', { status: 'open' })).filter(
      (item) => item.kind === 'rebase_refused',
    );
    expect(refused).toEqual([]);

    await signIn(a, 'zhou');
    const [listed] = await a.call('archive.listContracts', {});
    expect(listed).toMatchObject({
      id: contract.id,
      latest: { id: contract.latest.id, sha256: contract.latest.sha256 },
    });
    const read = await a.call('archive.open', { fileId: contract.latest.id });
    expect((await readAll(a, read)).equals(bytes)).toBe(true);
  });
});
