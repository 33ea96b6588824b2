/** Timed-entry places sold past a slot's capacity on two desks offline: a conflict, resolved by cancelling free of charge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { signIn, type Desk } from '../integration/desk';
import { closeTwoDesks, openTwoDesks, syncAll } from './desks';

const visitor = (name: string, idNumber: string) => ({ name, idType: 'id_card' as const, idNumber });

describe.each(BACKENDS)('slot places on %s', (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;

  beforeAll(async () => {
    ({ server, a, b } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  it('raises a conflict for the sale past capacity, which a supervisor cancels free of charge with the guest informed', async () => {
    await signIn(a, 'admin');
    const boat = await a.call('ticketProducts.save', {
      code: 'BOAT',
      name: '游船',
      priceFen: 5_000,
      slots: [{ startTime: '16:00', endTime: '17:00', capacity: 2 }],
    });
    await syncAll(a, b);
    await signIn(a, 'lina');
    const sale = { productId: boat.id, slotId: boat.slots[0]!.id, visitDate: '2026-11-26' };
    await a.call('tickets.sell', {
      ...sale,
      visitors: [visitor('王芳', '110101199003071234'), visitor('李伟', '110101199003075678')],
    });
    const late = await b.call('tickets.sell', { ...sale, visitors: [visitor('张敏', '110101199204041234')] });

    await syncAll(a, b);
    const [conflict] = await a.call('conflicts.list', { status: 'open' });
    expect(conflict).toMatchObject({
      kind: 'ticket_capacity',
      subjectType: 'ticket_order',
      subjectId: late.id,
      subjectLabel: late.number,
      options: ['accept', 'cancel'],
    });
    expect(conflict!.detail).toMatchObject({ capacity: 2, sold: 3 });
    expect(await b.call('conflicts.list', { status: 'open' })).toHaveLength(1);

    await signIn(b, 'chen');
    expect(await b.fail('conflicts.resolve', { id: conflict!.id, resolution: 'move', note: '换时段' })).toMatchObject({
      code: 'CONFLICT_OPTION_INVALID',
    });
    await b.call('conflicts.resolve', {
      id: conflict!.id,
      resolution: 'cancel',
      note: '已电话告知客人并全额退款',
      guestInformed: true,
    });
    expect(
      await b.fail('conflicts.resolve', { id: conflict!.id, resolution: 'accept', note: '再次处理' }),
    ).toMatchObject({ code: 'CONFLICT_RESOLVED' });

    await syncAll(b, a);
    const cancellations = await a.call('cancellations.list', { by: 'arrival', from: '2026-11-26', to: '2026-11-26' });
    expect(cancellations).toEqual([
      expect.objectContaining({
        penaltyFen: 0,
        refundFen: 5_000,
        reason: 'property_issue',
        subject: expect.objectContaining({ type: 'ticket_order', id: late.id }),
      }),
    ]);
    expect((await a.call('tickets.availability', { productId: boat.id, visitDate: '2026-11-26' }))[0]!.available).toBe(
      0,
    );
    expect(await a.call('conflicts.list', { status: 'open' })).toEqual([]);
  });
});
