/**
 * Stories played by two real desks of one property and a real server (one per backend and file):
 * desk A founds the property, desk B joins, lina (agent) signed in on both; the desks act apart,
 * then sync, and `settled` checks where they end. Registers the server's and the desks' set-up and
 * clean-up with vitest; call it inside the backend's describe.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { serverFor, type Backend } from '../server/backends';
import type { TestServer } from '../server/harness';
import type { Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { foundingDesk, joiningDesk, propertyId, tableRows } from './desks';
import { deskHoldings, serverHoldings, sharedRows, violations } from './invariants';

export function twoDeskSuite(backend: Backend) {
  let server: TestServer;
  const open: Desk[] = [];

  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterEach(async () => {
    for (const desk of open.splice(0)) await desk.close();
  });
  afterAll(async () => {
    await server?.close();
  });

  return {
    server: (): TestServer => server,

    /** A new property: desk A founds it, desk B joins. */
    async twoDesks(): Promise<{ a: Desk; b: Desk; hotel: Hotel }> {
      const { desk: a, hotel } = await foundingDesk(server);
      open.push(a);
      const b = await joiningDesk(server, a);
      open.push(b);
      return { a, b, hotel };
    },

    /** Time passes at a desk, with someone at the keyboard. */
    async later(desk: Desk, minutes: number): Promise<void> {
      for (let passed = 0; passed < minutes; passed += 1) {
        desk.clock.advanceMinutes(1);
        await desk.call('auth.keepAlive');
      }
    },

    async refusedWork(desk: Desk) {
      return (await desk.call('conflicts.list', { status: 'open' })).filter((item) => item.kind === 'rebase_refused');
    },

    /** Both desks hold the same rows (and of `tables` too), nothing waits to go up, and desks and server are valid. */
    async settled(a: Desk, b: Desk, tables: readonly Parameters<typeof tableRows>[1][] = []): Promise<void> {
      for (const desk of [a, b])
        expect(await desk.call('sync.status')).toMatchObject({ pendingCount: 0, lastError: null });
      expect(await sharedRows(b.services.db)).toEqual(await sharedRows(a.services.db));
      for (const table of tables)
        expect(await tableRows(b.services.db, table)).toEqual(await tableRows(a.services.db, table));
      for (const desk of [a, b])
        expect(violations(await deskHoldings(desk.services.db)), `desk ${desk.services.device.code}`).toEqual([]);
      expect(violations(await serverHoldings(server.db, await propertyId(a))), 'server').toEqual([]);
    },
  };
}
