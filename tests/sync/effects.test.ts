/**
 * What goes into the outbox: a mutation carries exactly the rows it wrote, even when rows written
 * outside any mutation (bulk seeding) wait beside it; those go up as job entries of bounded size.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Effect } from '@shared/sync/protocol';
import { seedDemo } from '../../src-main/services/demo/seed';
import { queueStrayWrites } from '../../src-main/sync/exchange';
import { openDesk, type Desk } from '../integration/desk';

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  await desk.close();
});

async function outbox() {
  const rows = await desk.services.db.selectFrom('outbox').select(['name', 'effects_json']).orderBy('seq').execute();
  return rows.map((row) => ({ name: row.name, effects: JSON.parse(row.effects_json) as Effect[] }));
}

describe('outbox effects', () => {
  it('gives a mutation only its own rows, and queues bulk writes in chunks of 500', async () => {
    await seedDemo(desk.services, { guests: 1_200 });
    await desk.call('auth.signIn', { username: 'agent', password: 'demo-agent-1' });
    const before = (await outbox()).length;
    const guest = await desk.call('guests.create', { name: '孙悦', phone: '13600000000' });

    const [own] = (await outbox()).slice(before);
    expect(own!.name).toBe('guests.create');
    expect(own!.effects.map((e) => e.table).sort()).toEqual(['audit_log', 'guest']);
    expect(own!.effects.find((e) => e.table === 'guest')).toMatchObject({ key: guest.id, row: { name: '孙悦' } });

    const waiting = await desk.services.db
      .selectFrom('sync_touched')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(waiting.n)).toBeGreaterThanOrEqual(1_200);
    await queueStrayWrites(desk.services);
    const jobs = (await outbox()).filter((entry) => entry.name === 'job.changes');
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    for (const job of jobs) expect(job.effects.length).toBeLessThanOrEqual(500);
    const guestsQueued = jobs.flatMap((job) => job.effects).filter((e) => e.table === 'guest');
    expect(guestsQueued.length).toBeGreaterThanOrEqual(1_200);
    expect(await desk.services.db.selectFrom('sync_touched').selectAll().execute()).toEqual([]);
  });
});
