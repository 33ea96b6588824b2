/**
 * Two desks and one server over loopback: everything converges, and the last room sold on both
 * desks offline ends as one standing booking and one conflict that a supervisor resolves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../src-server';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { signIn, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { closeTwoDesks, openTwoDesks, syncAll, tableRows } from './desks';

const TONIGHT = { arrival: '2026-11-26', departure: '2026-11-28' };

describe.each(BACKENDS)('two desks on %s', (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;

  beforeAll(async () => {
    ({ server, a, b, hotel } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  it('gives the joining desk the property: rooms, rate plans, staff who can sign in, guests', async () => {
    for (const table of ['room', 'staff', 'guest'] as const)
      expect(await tableRows(b.services.db, table)).toEqual(await tableRows(a.services.db, table));
    expect((await b.call('auth.session'))?.user.username).toBe('lina');
    expect(await b.call('sync.status')).toMatchObject({
      enrolled: true,
      online: true,
      pendingCount: 0,
      openConflicts: 0,
      lastError: null,
    });
  });

  it('sells the last suite on both desks offline: one booking stands, the other is a conflict on both desks', async () => {
    const sale = { guestId: hotel.guest, channel: 'walk_in' as const, ...TONIGHT, roomTypeId: hotel.suite, adults: 2 };
    const first = await a.call('bookings.create', sale);
    const second = await b.call('bookings.create', sale);
    expect((await a.call('sync.status')).pendingCount).toBeGreaterThan(0);

    // "Sync now" from a screen answers at once; the run follows.
    expect(await a.call('sync.now')).toMatchObject({ enrolled: true });
    await syncAll(a, b);

    for (const desk of [a, b]) {
      const conflicts = await desk.call('conflicts.list', { status: 'open' });
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        kind: 'room_inventory',
        subjectType: 'booking',
        subjectId: second.id,
        subjectLabel: second.number,
        guestName: '王芳',
      });
      expect(conflicts[0]!.detail).toMatchObject({ roomTypeName: '套房', rooms: 1, sold: 2 });
      // Nothing was dropped: both bookings are on both desks.
      expect((await desk.call('bookings.get', { id: first.id })).status).toBe('confirmed');
      expect((await desk.call('bookings.get', { id: second.id })).status).toBe('confirmed');
      expect(await desk.call('sync.status')).toMatchObject({ pendingCount: 0, openConflicts: 1 });
    }
    for (const table of ['booking', 'booking_night', 'sync_conflict'] as const)
      expect(await tableRows(b.services.db, table)).toEqual(await tableRows(a.services.db, table));
  });

  it('lets only a supervisor resolve it; moving the guest to another room type clears it on every desk', async () => {
    const [conflict] = await b.call('conflicts.list', { status: 'open' });
    expect(await b.fail('conflicts.resolve', { id: conflict!.id, resolution: 'accept', note: '同意' })).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect(await b.fail('conflicts.resolve', { id: conflict!.id, resolution: 'cancel', note: '取消' })).toMatchObject({
      code: 'PERMISSION_DENIED',
    });

    await signIn(b, 'chen');
    expect(
      await b.fail('conflicts.resolve', { id: conflict!.id, resolution: 'cancel', note: '房间不足' }),
    ).toMatchObject({ code: 'GUEST_NOT_INFORMED' });
    const resolved = await b.call('conflicts.resolve', {
      id: conflict!.id,
      resolution: 'move',
      roomTypeId: hotel.standard,
      note: '客人同意改住标准间',
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'move', resolvedByName: 'chen' });

    await syncAll(b, a);
    for (const desk of [a, b]) {
      expect(await desk.call('conflicts.list', { status: 'open' })).toEqual([]);
      const booking = await desk.call('bookings.get', { id: conflict!.subjectId });
      expect(booking.roomType.name).toBe('标准间');
      expect(booking.changes.map((c) => c.kind)).toContain('conflict_resolved');
    }
    expect(await tableRows(a.services.db, 'booking')).toEqual(await tableRows(b.services.db, 'booking'));
    expect(await tableRows(a.services.db, 'sync_conflict')).toEqual(await tableRows(b.services.db, 'sync_conflict'));
  });

  it("keeps other desks' audit entries beside the local chain, which still verifies", async () => {
    await signIn(a, 'admin');
    expect(await a.call('audit.verify')).toMatchObject({ ok: true });
    const remote = await a.services.db.selectFrom('audit_remote').select('device_id').distinct().execute();
    expect(remote.map((r) => r.device_id)).toEqual([b.services.device.id]);
  });

  it('undoes at the desk a change the server refuses, shows why, and then refuses it locally too', async () => {
    await signIn(a, 'admin');
    await a.call('permissions.set', { role: 'agent', permission: 'guests.manage', granted: false });
    await a.services.sync.syncNow();

    // Desk B has not heard yet: its agent edits a guest offline.
    await signIn(b, 'lina');
    const before = await b.call('guests.get', { id: hotel.guest });
    await b.call('guests.update', { id: hotel.guest, name: before.name, phone: '13900000000' });
    await b.services.sync.syncNow();

    const status = await b.call('sync.status');
    expect(status).toMatchObject({ pendingCount: 0, online: true });
    expect(status.rejections[0]).toMatchObject({ name: 'guests.update', reason: 'PERMISSION_DENIED' });
    expect((await b.call('guests.get', { id: hotel.guest })).phone).toBe(before.phone);
    expect(await b.fail('guests.update', { id: hotel.guest, name: before.name, phone: '13900000001' })).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('shuts out a revoked desk, which keeps working locally and says why it no longer syncs', async () => {
    await revokeDevice(server.db, b.services.device.id);
    // (The agents lost guests.manage in the test before.)
    await signIn(b, 'chen');
    await b.call('guests.create', { name: '赵敏', phone: '13700000000' });
    await b.services.sync.syncNow();
    const status = await b.call('sync.status');
    expect(status.lastError).toBe('DEVICE_REVOKED');
    // The new guest (and the sign-in's audit entry) wait in the queue.
    expect(status.pendingCount).toBeGreaterThanOrEqual(1);
    expect(
      await b.services.db.selectFrom('outbox').select('name').where('name', '=', 'guests.create').execute(),
    ).toHaveLength(1);
    // The other desk is not affected.
    await a.services.sync.syncNow();
    expect(await a.call('sync.status')).toMatchObject({ lastError: null, online: true });
  });
});
