/**
 * Many desks at once: ten desks selling the same last room exactly one of which wins, and a
 * desk pulling all the while that ends up holding exactly the server's rows (no version a
 * cursor could step over).
 */
import type { PulledChange } from '@shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, serverFor } from './backends';
import { AGENT, booking, foundProperty, joinDesk, room, roomType } from './fixtures';
import type { TestServer } from './harness';

const DESKS = 10;
const NIGHTS = ['2027-02-14', '2027-02-15'];

describe.each(BACKENDS)('concurrency on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server.close());

  it(`${DESKS} desks selling the last suite and the last twin at once: one sale of each applies, every other is a conflict`, async () => {
    const { founder } = await foundProperty(server, [
      roomType('rt-suite'),
      room('r-suite', 'rt-suite'),
      roomType('rt-twin'),
      room('r-twin', 'rt-twin'),
    ]);
    const desks = await Promise.all(Array.from({ length: DESKS }, () => joinDesk(server, founder.propertyId)));

    // A desk pulling in small pages while the sales land.
    const seen = new Map<string, PulledChange>();
    let cursor = 0;
    let selling = true;
    const poller = (async () => {
      while (selling) {
        const page = await founder.pull(cursor, 7);
        for (const change of page.body.changes) {
          expect(change.version).toBeGreaterThan(cursor);
          seen.set(`${change.table}/${change.key}`, change);
          cursor = change.version;
        }
      }
    })();

    const replies = await Promise.all(
      desks.map((desk, i) =>
        desk.push(
          ['rt-suite', 'rt-twin'].map((type) =>
            desk.mutation('bookings.create', booking(desk, `${type}-${i}`, type, NIGHTS), { actorId: AGENT }),
          ),
        ),
      ),
    );
    selling = false;
    await poller;

    expect(replies.map((r) => r.status)).toEqual(desks.map(() => 200));
    const results = replies.flatMap((reply) =>
      reply.body.results.map((result, i) => ({ type: i === 0 ? 'rt-suite' : 'rt-twin', result })),
    );
    const applied = results.filter((r) => r.result?.status === 'applied');
    const conflicted = results.filter((r) => r.result?.status === 'conflict');
    expect(applied.filter((r) => r.type === 'rt-suite')).toHaveLength(1);
    expect(applied.filter((r) => r.type === 'rt-twin')).toHaveLength(1);
    expect(conflicted).toHaveLength(2 * DESKS - 2);

    const all = await founder.pullAll();
    // No row was written twice here, so the versions are exactly 1..n: none skipped, none repeated.
    expect(all.map((c) => c.version)).toEqual(all.map((_, i) => i + 1));
    expect(all.filter((c) => c.table === 'sync_conflict')).toHaveLength(2 * DESKS - 2);
    expect(all.filter((c) => c.table === 'booking_night')).toHaveLength(2 * DESKS * NIGHTS.length);

    // The poller, having caught up, holds exactly the server's rows.
    for (const change of await founder.pullAll(cursor)) seen.set(`${change.table}/${change.key}`, change);
    expect(new Map(all.map((c) => [`${c.table}/${c.key}`, c]))).toEqual(seen);
  });
});
