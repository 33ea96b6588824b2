/**
 * Faults with real processes over loopback, on both server databases: an answer lost after the
 * server acted, the server killed and restarted in the middle of a push, and a desk offline for
 * three simulated days with thousands of changes.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ServerDatabase } from '../../src-server';
import { BACKENDS, type Backend } from '../server/backends';
import type { Desk } from '../integration/desk';
import { ServerProcess } from '../support/server-process';
import { foundingDesk, joiningDesk, syncAll, tableRows, type Server } from './desks';
import { FlakyProxy } from './network';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

/** The server process, reached directly or through another address (a proxy). */
function serverAt(server: ServerProcess, url = server.url): Server {
  return { url, issueCode: (propertyId) => server.issueCode(propertyId) };
}

async function startServer(backend: Backend): Promise<ServerProcess> {
  const server = await ServerProcess.start(backend, backend === 'postgres' ? inject('pgAdminUrl') : null);
  cleanups.push(() => server.close());
  return server;
}

async function propertyVersion(db: ServerDatabase): Promise<number> {
  const rows = await db.db.selectFrom('property').select('version').execute();
  return rows.reduce((sum, row) => sum + Number(row.version), 0);
}

async function pending(desk: Desk): Promise<number> {
  return (await desk.call('sync.status')).pendingCount;
}

describe.each(BACKENDS)('sync faults on %s', { timeout: 180_000 }, (backend) => {
  it('applies a sale once when the answer is lost after the server applied it', async () => {
    const server = await startServer(backend);
    const { db } = server;
    const proxy = await FlakyProxy.start(server.port);
    cleanups.push(() => proxy.close());
    const { desk: a, hotel } = await foundingDesk(serverAt(server, proxy.url));
    cleanups.push(() => a.close());

    const sale = await a.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.suite,
      adults: 1,
    });
    proxy.mode = 'after';
    await a.services.sync.syncNow();
    expect(proxy.lost).toBeGreaterThan(0);
    expect(await a.call('sync.status')).toMatchObject({ online: false, lastError: 'NETWORK' });
    expect(await pending(a)).toBeGreaterThan(0);
    const applied = await propertyVersion(db);

    proxy.mode = 'pass';
    await a.services.sync.syncNow();
    expect(await a.call('sync.status')).toMatchObject({
      online: true,
      lastError: null,
      pendingCount: 0,
      openConflicts: 0,
    });
    // The retry got the stored answer: nothing was written again, and the last suite was not sold twice.
    expect(await propertyVersion(db)).toBe(applied);
    const bookings = await db.db.selectFrom('sync_row').select('row_key').where('table_name', '=', 'booking').execute();
    expect(bookings.map((b) => b.row_key)).toEqual([sale.id]);
  });

  it('loses nothing when the server is killed in the middle of a push and started again', async () => {
    const server = await startServer(backend);
    const proxy = await FlakyProxy.start(server.port);
    cleanups.push(() => proxy.close());
    const { desk: a } = await foundingDesk(serverAt(server, proxy.url));
    cleanups.push(() => a.close());

    const GUESTS = 1200;
    for (let i = 0; i < GUESTS; i++)
      await a.call('guests.create', { name: `离线客人${i}`, phone: `139${String(i).padStart(8, '0')}` });
    const queued = await pending(a);
    // The server dies as the second batch arrives: the first was acknowledged, the rest were not.
    proxy.onRequest('POST /sync/push', 2, () => server.kill());
    await a.services.sync.syncNow();
    expect((await a.call('sync.status')).online).toBe(false);
    const left = await pending(a);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(queued);

    await server.resume();
    await a.services.sync.syncNow();
    expect(await a.call('sync.status')).toMatchObject({ online: true, pendingCount: 0 });
    const b = await joiningDesk(serverAt(server, proxy.url), a);
    cleanups.push(() => b.close());
    expect(await tableRows(b.services.db, 'guest')).toEqual(await tableRows(a.services.db, 'guest'));
    expect(await tableRows(b.services.db, 'guest')).toHaveLength(GUESTS + 1);
    // Each queued mutation has exactly one stored answer.
    const results = await server.db.db
      .selectFrom('push_result')
      .select('seq')
      .where('device_id', '=', a.services.device.id)
      .execute();
    expect(new Set(results.map((r) => r.seq)).size).toBe(results.length);
    expect(results.length).toBeGreaterThanOrEqual(GUESTS);
  });

  it('catches up a desk that sold for 72 hours without a network, with thousands of changes', async () => {
    const server = await startServer(backend);
    const { desk: a, hotel } = await foundingDesk(serverAt(server));
    const b = await joiningDesk(serverAt(server), a);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );

    await server.stop();
    let sold = 0;
    for (let step = 0; step < 288; step++) {
      const guest = await a.call('guests.create', {
        name: `客人${step}`,
        phone: `137${String(step).padStart(8, '0')}`,
      });
      for (let edit = 0; edit < 8; edit++)
        await a.call('guests.update', {
          id: guest.id,
          name: `客人${step}`,
          phone: `136${String(step * 10 + edit).padStart(8, '0')}`,
        });
      const arrival = new Date(Date.UTC(2026, 11, 1 + (step % 28))).toISOString().slice(0, 10);
      const departure = new Date(Date.UTC(2026, 11, 2 + (step % 28))).toISOString().slice(0, 10);
      // Two standard rooms a night: the third sale of a night is refused at the desk, as it would be online.
      const booking = await a
        .call('bookings.create', {
          guestId: guest.id,
          channel: 'phone',
          arrival,
          departure,
          roomTypeId: hotel.standard,
          adults: 1,
        })
        .catch(() => null);
      if (booking) {
        sold += 1;
        await a.call('payments.record', { bookingId: booking.id, kind: 'payment', method: 'cash', amountFen: 10_000 });
      }
      // A quarter of an hour at the desk, with someone at the keyboard (the idle lock stays off).
      for (let minute = 0; minute < 15; minute += 3) {
        a.clock.advanceMinutes(3);
        await a.call('auth.keepAlive');
      }
      if (step % 96 === 0) await a.services.sync.syncNow();
    }
    expect(sold).toBeGreaterThan(0);
    expect(await a.call('sync.status')).toMatchObject({ online: false, lastError: 'NETWORK' });
    expect(await pending(a)).toBeGreaterThan(2500);

    await server.resume();
    await syncAll(a, b);
    expect(await pending(a)).toBe(0);
    for (const table of ['guest', 'booking', 'booking_night', 'payment'] as const)
      expect(await tableRows(b.services.db, table)).toEqual(await tableRows(a.services.db, table));
    expect(await b.call('conflicts.list', { status: 'open' })).toEqual([]);
  });
});
