/**
 * What a desk tells its windows as it syncs: each run's status, and that rows came from another
 * desk (the screens read everything again), in place of polling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/contract/events';
import type { Desk } from '../integration/desk';
import type { TestServer } from '../server/harness';
import { closeTwoDesks, openTwoDesks, syncAll } from './desks';

describe("a desk's events while it syncs", () => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;

  beforeAll(async () => {
    ({ server, a, b } = await openTwoDesks('sqlite'));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  function listen(desk: Desk): DeskEvent[] {
    const seen: DeskEvent[] = [];
    desk.services.events.subscribe((event) => seen.push(event));
    return seen;
  }

  it('says the status changed as a run starts and ends, and that rows arrived only when another desk sent some', async () => {
    await syncAll(a, b);
    const seenByB = listen(b);
    await b.services.sync.syncNow();
    expect(seenByB).toEqual(['sync.status', 'sync.status']);

    await a.call('guests.create', { name: '周敏', phone: '13900001111', temporary: false });
    await a.services.sync.syncNow();
    seenByB.length = 0;
    await b.services.sync.syncNow();
    expect(seenByB).toContain('sync.received');
    expect(seenByB.at(-1)).toBe('sync.status');
  });
});
