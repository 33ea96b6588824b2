/**
 * One complaint ticket, two desks offline (issue 13, item 2): a hand-over accepted on one desk and
 * the first owner acting on the other. The complaint is one aggregate root, so the server takes
 * the first change to reach it, refuses the other as stale, and the desk that sent it re-runs it
 * against the ticket as it now stands: the old owner is refused, on every desk, as a work item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { addStaff, signIn, type Desk } from '../integration/desk';
import { closeTwoDesks, openTwoDesks, syncAll } from './desks';

describe.each(BACKENDS)('a complaint taken on two desks on %s', { timeout: 60_000 }, (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;

  beforeAll(async () => {
    ({ server, a, b } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  async function staffId(desk: Desk, username: string): Promise<string> {
    return (
      await desk.services.db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirstOrThrow()
    ).id;
  }

  it('the server decides who was first: the receiver who accepted owns it, the old owner is refused on the other desk', async () => {
    const chen = await staffId(a, 'chen');
    const { id } = await a.call('complaints.open', {
      channel: 'phone',
      category: 'noise',
      severity: 'general',
      description: '楼上装修噪音',
    });
    await a.call('complaints.offerHandover', { id, toStaffId: chen, note: '请主管跟进' });
    await syncAll(a, b);
    expect((await b.call('complaints.get', { id })).pendingOwner).toMatchObject({ id: chen });

    // Offline, both at once: chen takes the ticket over on desk A; on desk B lina, still its owner there, resolves it.
    await signIn(a, 'chen');
    await a.call('complaints.acceptHandover', { id, note: '我来处理' });
    await signIn(b, 'lina');
    await b.call('complaints.resolve', { id, note: '已致歉' });

    await a.services.sync.syncNow();
    await syncAll(b, a);

    for (const desk of [a, b]) {
      expect(await desk.call('sync.status')).toMatchObject({ pendingCount: 0, lastError: null });
      const ticket = await desk.call('complaints.get', { id });
      expect(ticket).toMatchObject({ owner: { id: chen }, pendingOwner: null, status: 'open', resolvedAt: null });
      expect(ticket.timeline.map((event) => event.kind)).toEqual(['opened', 'handover_offered', 'handover_accepted']);
      await signIn(desk, 'chen');
      const refused = (await desk.call('conflicts.list', { status: 'open' })).filter(
        (item) => item.kind === 'rebase_refused',
      );
      expect(refused).toHaveLength(1);
      expect(refused[0]!.detail).toMatchObject({ operation: 'complaints.resolve', error: 'COMPLAINT_NOT_OWNER' });
    }
  });

  it('a hand-over taken up twice: the second acceptance is refused as no longer offered', async () => {
    const chen = await staffId(a, 'chen');
    await signIn(a, 'lina');
    const { id } = await a.call('complaints.open', {
      channel: 'in_person',
      category: 'room',
      severity: 'general',
      description: '空调不制冷',
    });
    await a.call('complaints.offerHandover', { id, toStaffId: chen });
    await syncAll(a, b);

    await signIn(a, 'chen');
    await a.call('complaints.acceptHandover', { id, note: '在 A 台接手' });
    await signIn(b, 'chen');
    await b.call('complaints.acceptHandover', { id, note: '在 B 台接手' });
    await a.services.sync.syncNow();
    await syncAll(b, a);

    for (const desk of [a, b]) {
      const ticket = await desk.call('complaints.get', { id });
      expect(ticket.timeline.map((event) => [event.kind, event.note])).toEqual([
        ['opened', ''],
        ['handover_offered', ''],
        ['handover_accepted', '在 A 台接手'],
      ]);
      const refused = (await desk.call('conflicts.list', { status: 'open' })).filter(
        (item) => item.kind === 'rebase_refused' && item.detail.operation === 'complaints.acceptHandover',
      );
      expect(refused).toHaveLength(1);
      expect(refused[0]!.detail).toMatchObject({ error: 'COMPLAINT_HANDOVER_NOT_YOURS' });
    }
  });

  it('a major complaint taken up by two supervisors offline: the second is refused, the first co-owns and signs off', async () => {
    await signIn(a, 'admin', 'admin-pass-1');
    const sun = (await addStaff(a, 'sun', 'supervisor')).id;
    const chen = await staffId(a, 'chen');
    await signIn(a, 'lina');
    const { id } = await a.call('complaints.open', {
      channel: 'in_person',
      category: 'food',
      severity: 'major',
      description: '菜品中有异物',
    });
    await syncAll(a, b);

    await signIn(a, 'chen');
    await a.call('complaints.escalate', { id, supervisorId: chen, note: 'A 台主管接手' });
    await signIn(b, 'sun');
    await b.call('complaints.escalate', { id, supervisorId: sun, note: 'B 台主管接手' });
    await a.services.sync.syncNow();
    await syncAll(b, a);

    for (const desk of [a, b]) {
      const ticket = await desk.call('complaints.get', { id });
      expect(ticket.coOwner).toMatchObject({ id: chen });
      expect(ticket.timeline.filter((event) => event.kind === 'escalated')).toHaveLength(1);
      await signIn(desk, 'chen');
      const refused = (await desk.call('conflicts.list', { status: 'open' })).filter(
        (item) => item.kind === 'rebase_refused' && item.detail.operation === 'complaints.escalate',
      );
      expect(refused).toHaveLength(1);
      expect(refused[0]!.detail).toMatchObject({ error: 'COMPLAINT_CO_OWNED' });
    }

    await signIn(b, 'lina');
    await b.call('complaints.resolve', { id, note: '更换菜品并致歉' });
    await syncAll(b, a);
    await signIn(a, 'chen');
    expect(await a.call('complaints.signOff', { id, note: '同意' })).toMatchObject({ status: 'closed' });
    await syncAll(a, b);
    expect(await b.call('complaints.get', { id })).toMatchObject({ status: 'closed', signedOffBy: { id: chen } });
  });
});
