/** Pulling: pages after a cursor, every desk's rows included, with the count still to come. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, serverFor } from './backends';
import { ADMIN, closedDate, foundProperty, joinDesk, roomType } from './fixtures';
import type { TestServer } from './harness';

describe.each(BACKENDS)('pull on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server.close());

  it('pages through the property’s changes in version order with cursor, hasMore and remaining', async () => {
    const { founder } = await foundProperty(server);
    const desk = await joinDesk(server, founder.propertyId);
    const total = (await desk.pullAll()).length;
    for (let i = 0; i < 5; i++) await desk.run('roomTypes.save', [roomType(`rt-${i}`)], { actorId: ADMIN });

    const first = await desk.pull(0, total + 2);
    expect(first.body).toMatchObject({ lastSeq: 5, hasMore: true, remaining: 3 });
    expect(first.body.changes).toHaveLength(total + 2);
    expect(first.body.cursor).toBe(first.body.changes.at(-1)!.version);

    const second = await desk.pull(first.body.cursor, 2);
    expect(second.body.changes.map((c) => c.key)).toEqual(['rt-2', 'rt-3']);
    expect(second.body).toMatchObject({ hasMore: true, remaining: 1 });

    const third = await desk.pull(second.body.cursor, 2);
    expect(third.body.changes.map((c) => c.key)).toEqual(['rt-4']);
    expect(third.body).toMatchObject({ hasMore: false, remaining: 0 });

    const empty = await desk.pull(third.body.cursor);
    expect(empty.body).toEqual({ cursor: third.body.cursor, lastSeq: 5, changes: [], hasMore: false, remaining: 0 });
  });

  it('returns a deleted row as null and never another property’s rows', async () => {
    const one = await foundProperty(server, [closedDate('2026-12-24')]);
    const two = await foundProperty(server, [closedDate('2026-12-24'), roomType('rt-only-two')]);
    await one.founder.run('closedDates.set', [{ table: 'closed_date', key: '2026-12-24', row: null }], {
      actorId: ADMIN,
      input: { date: '2026-12-24', closed: false, reason: '' },
    });

    const changes = await one.founder.pullAll();
    expect(changes.find((c) => c.key === '2026-12-24')).toMatchObject({ table: 'closed_date', row: null });
    expect(changes.some((c) => c.key === 'rt-only-two')).toBe(false);
    expect((await two.founder.pullAll()).find((c) => c.key === '2026-12-24')!.row).not.toBeNull();
  });
});
