/**
 * One daily report signed off on two desks offline (issue 14, item 6): each desk freezes its own
 * figures, but a report is submitted once per kind and period. The server keeps the first to reach
 * it (the table's unique kind|period), refuses the other as a duplicate, and the desk that sent
 * it gives its own up and shows the first, as every desk does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { signIn, type Desk } from '../integration/desk';
import { closeTwoDesks, openTwoDesks, syncAll } from './desks';

describe.each(BACKENDS)('a daily report submitted on two desks on %s', { timeout: 60_000 }, (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;

  beforeAll(async () => {
    ({ server, a, b } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  const rows = (desk: Desk) => desk.services.db.selectFrom('report_submission').selectAll().execute();

  it('the server keeps the first submission; the other desk gives its own up and shows the first', async () => {
    // 00:30 and 00:40 on 27 November in Shanghai: the 26th is over on both desks, neither has run the audit.
    a.clock.setTo('2026-11-26T16:30:00Z');
    b.clock.setTo('2026-11-26T16:40:00Z');
    await signIn(a, 'chen');
    const first = await a.call('reports.submit', { kind: 'daily', period: '2026-11-26' });
    await signIn(b, 'chen');
    const second = await b.call('reports.submit', { kind: 'daily', period: '2026-11-26' });
    expect(second.id).not.toBe(first.id);

    await a.services.sync.syncNow();
    await syncAll(b, a);

    expect((await b.call('sync.status')).rejections[0]).toMatchObject({ name: 'reports.submit', reason: 'DUPLICATE' });
    for (const desk of [a, b]) {
      expect(await desk.call('sync.status')).toMatchObject({ pendingCount: 0 });
      const [row, ...more] = await rows(desk);
      expect(more).toEqual([]);
      expect(row).toMatchObject({
        id: first.id,
        submitted_at: '2026-11-26T16:30:00.000Z',
        device: a.services.device.id,
      });
      expect(await desk.call('reports.submitted', { kind: 'daily', period: '2026-11-26' })).toEqual(first);
      // Submitted once, on time, whichever desk looks.
      const calendar = await desk.call('reports.calendar', { month: '2026-11' });
      expect(calendar.reports.find((r) => r.kind === 'daily' && r.period === '2026-11-26')).toMatchObject({
        state: 'submitted',
        submission: { id: first.id, at: '2026-11-26T16:30:00.000Z' },
      });
    }
    // Desk B now refuses it as submitted, naming the first.
    expect(await b.fail('reports.submit', { kind: 'daily', period: '2026-11-26' })).toMatchObject({
      code: 'REPORT_ALREADY_SUBMITTED',
      params: { at: '2026-11-27 00:30' },
    });
  });
});
