import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FREE_POLICY } from '@shared/rules/cancellation';
import type { InputOf, TicketProduct } from '@shared/contract';
import { addStaff, ADMIN, openDesk, setUpDesk, signIn, type Desk } from './desk';
import { idNumberLookup } from '../../src-main/vault/guest-fields';

// The test clock starts at 10:00 on 2026-11-26 in Asia/Shanghai: that is the business date.
const TODAY = '2026-11-26';
const TOMORROW = '2026-11-27';
const WANG = { name: '王芳', idType: 'id_card', idNumber: '110101199003071234' } as const;
const LI = { name: '李伟', idType: 'id_card', idNumber: '31010419851202567x' } as const;
const SMITH = { name: 'John Smith', idType: 'passport', idNumber: 'E12345678' } as const;

let desk: Desk;
let lake: TicketProduct;
let morning: string;
let afternoon: string;

async function tableCounts() {
  const count = async (table: 'ticket_order' | 'ticket_visitor' | 'number_sequence') =>
    (
      await desk.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    ...(await desk.counts()),
    ticket_order: await count('ticket_order'),
    ticket_visitor: await count('ticket_visitor'),
    number_sequence: await count('number_sequence'),
  };
}

async function saveLake(slots: InputOf<'ticketProducts.save'>['slots']) {
  return desk.call('ticketProducts.save', { id: lake.id, code: 'LAKE', name: '西湖游船', priceFen: 5_500, slots });
}

async function sell(visitors: InputOf<'tickets.sell'>['visitors'], slotId = morning, visitDate = TODAY) {
  return desk.call('tickets.sell', { productId: lake.id, slotId, visitDate, visitors });
}

beforeEach(async () => {
  desk = await openDesk();
  await setUpDesk(desk);
  await addStaff(desk, 'lina', 'agent');
  await addStaff(desk, 'chen', 'supervisor');
  lake = await desk.call('ticketProducts.save', {
    code: 'lake',
    name: '西湖游船',
    priceFen: 5_500,
    slots: [
      { startTime: '13:00', endTime: '15:00', capacity: 50 },
      { startTime: '09:00', endTime: '11:00', capacity: 3 },
    ],
  });
  [morning, afternoon] = lake.slots.map((slot) => slot.id) as [string, string];
  await signIn(desk, 'lina');
});
afterEach(() => desk.close());

describe('ticket products', () => {
  it('list their slots by start time', async () => {
    expect(lake).toMatchObject({ code: 'LAKE', priceFen: 5_500 });
    expect(await desk.call('ticketProducts.list')).toEqual([
      {
        ...lake,
        slots: [
          { id: morning, startTime: '09:00', endTime: '11:00', capacity: 3 },
          { id: afternoon, startTime: '13:00', endTime: '15:00', capacity: 50 },
        ],
      },
    ]);
  });

  it('an agent cannot save one (PERMISSION_DENIED)', async () => {
    expect(
      (
        await desk.fail('ticketProducts.save', {
          code: 'TOWER',
          name: '雷峰塔',
          priceFen: 4_000,
          slots: [{ startTime: '09:00', endTime: '17:00', capacity: 500 }],
        })
      ).code,
    ).toBe('PERMISSION_DENIED');
    expect(await desk.call('ticketProducts.list')).toHaveLength(1);
  });

  it('refuse a code another product uses, and two slots starting at the same time', async () => {
    await signIn(desk, ADMIN.username, ADMIN.password);
    const slots = [{ startTime: '09:00', endTime: '17:00', capacity: 500 }];
    expect(await desk.fail('ticketProducts.save', { code: 'Lake', name: '另一个游船', priceFen: 1, slots })).toEqual({
      code: 'CODE_TAKEN',
      params: { code: 'LAKE' },
    });
    expect(
      await desk.fail('ticketProducts.save', {
        code: 'TOWER',
        name: '雷峰塔',
        priceFen: 1,
        slots: [...slots, { startTime: '09:00', endTime: '10:00', capacity: 5 }],
      }),
    ).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['slots.1.startTime'],
    });
    expect(await desk.call('ticketProducts.list')).toEqual([lake]);
  });

  it('keep a sold slot when saved again: same id, new end and capacity; an unsold slot may go', async () => {
    await sell([WANG]);
    await signIn(desk, ADMIN.username, ADMIN.password);
    const saved = await saveLake([
      { startTime: '09:00', endTime: '11:30', capacity: 10 },
      { startTime: '16:00', endTime: '18:00', capacity: 20 },
    ]);
    expect(saved.slots).toEqual([
      { id: morning, startTime: '09:00', endTime: '11:30', capacity: 10 },
      { id: expect.any(String), startTime: '16:00', endTime: '18:00', capacity: 20 },
    ]);
    expect(saved.slots.some((slot) => slot.id === afternoon)).toBe(false);
    expect(await desk.call('tickets.availability', { productId: lake.id, visitDate: TODAY })).toEqual([
      { id: morning, startTime: '09:00', endTime: '11:30', capacity: 10, sold: 1, available: 9 },
      { id: saved.slots[1]!.id, startTime: '16:00', endTime: '18:00', capacity: 20, sold: 0, available: 20 },
    ]);
  });

  it('refuse to drop a slot that has sales, and change nothing', async () => {
    await sell([WANG]);
    await signIn(desk, ADMIN.username, ADMIN.password);
    const before = await tableCounts();
    expect(
      await desk.fail('ticketProducts.save', {
        id: lake.id,
        code: 'LAKE',
        name: '西湖游船（新）',
        priceFen: 6_000,
        slots: [{ startTime: '13:00', endTime: '15:00', capacity: 50 }],
      }),
    ).toEqual({
      code: 'BOOKING_STATE',
      params: { startTime: '09:00' },
    });
    expect(await tableCounts()).toEqual(before);
    expect(await desk.call('ticketProducts.list')).toEqual([lake]);
  });
});

describe('selling tickets', () => {
  it('sells a real-name order with a T number, the total and the visitors, ID numbers masked for an agent', async () => {
    const order = await sell([WANG, SMITH]);
    expect(order).toEqual({
      id: expect.any(String),
      number: `T261126-${desk.services.device.code}-001`,
      productId: lake.id,
      productName: '西湖游船',
      visitDate: TODAY,
      slot: { startTime: '09:00', endTime: '11:00' },
      status: 'sold',
      totalFen: 11_000,
      cancellationPolicy: FREE_POLICY,
      visitors: [
        { id: expect.any(String), name: '王芳', idType: 'id_card', idNumber: '110***********1234', redeemedAt: null },
        { id: expect.any(String), name: 'John Smith', idType: 'passport', idNumber: 'E******78', redeemedAt: null },
      ],
      createdAt: desk.clock.now().toISOString(),
    });
    expect((await sell([LI], afternoon)).number).toBe(`T261126-${desk.services.device.code}-002`);

    // Stored sealed, found by the keyed hash of the whole number, never in clear.
    const keys = await desk.services.vault.open(desk.services.db);
    const stored = await desk.services.db
      .selectFrom('ticket_visitor')
      .selectAll()
      .where('order_id', '=', order.id)
      .orderBy('id')
      .execute();
    expect(stored.map((v) => v.id_number_hmac)).toEqual([
      idNumberLookup(keys, '110101199003071234'),
      idNumberLookup(keys, 'e12345678'),
    ]);
    expect(stored.map((v) => v.id_number_masked)).toEqual(['110***********1234', 'E******78']);
    expect(JSON.stringify(stored)).not.toMatch(/110101199003071234|E12345678/);
    const [entry] = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'tickets.sell')
      .execute();
    expect(entry).toMatchObject({ entity_type: 'ticket_order', entity_id: order.id, actor_name: 'lina' });
    expect(JSON.parse(entry!.detail_json!).after).toEqual({
      number: order.number,
      productId: lake.id,
      slotId: morning,
      visitDate: TODAY,
      visitors: 2,
      totalFen: 11_000,
    });
  });

  it('masks ID numbers for everyone, supervisors included, and keeps them out of the audit trail', async () => {
    const order = await sell([WANG, LI]);
    await signIn(desk, 'chen');
    const found = await desk.call('tickets.find', { number: order.number.toLowerCase() });
    expect(found.visitors.map((v) => v.idNumber)).toEqual(['110***********1234', '310***********567X']);
    const [entry] = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'tickets.sell')
      .execute();
    expect(entry!.detail_json).not.toContain('110101199003071234');
    expect(JSON.parse(entry!.detail_json!).input.visitors[0]).toEqual({
      name: '王芳',
      idType: 'id_card',
      idNumber: '[redacted]',
    });
  });

  it('counts the visitors of sold orders per slot and date', async () => {
    await sell([WANG, LI]);
    await sell([SMITH], afternoon);
    await sell([SMITH], morning, TOMORROW);
    expect(await desk.call('tickets.availability', { productId: lake.id, visitDate: TODAY })).toEqual([
      { id: morning, startTime: '09:00', endTime: '11:00', capacity: 3, sold: 2, available: 1 },
      { id: afternoon, startTime: '13:00', endTime: '15:00', capacity: 50, sold: 1, available: 49 },
    ]);
    expect(
      (await desk.call('tickets.availability', { productId: lake.id, visitDate: TOMORROW })).map((s) => s.sold),
    ).toEqual([1, 0]);
  });

  it('the last ticket of a slot sells; one more is refused with SLOT_FULL and nothing is written', async () => {
    await sell([WANG, LI]);
    const tooMany = await tableCounts();
    expect(
      await desk.fail('tickets.sell', {
        productId: lake.id,
        slotId: morning,
        visitDate: TODAY,
        visitors: [SMITH, WANG],
      }),
    ).toEqual({ code: 'SLOT_FULL', params: { available: 1 } });
    expect(await tableCounts()).toEqual(tooMany);

    await sell([SMITH]);
    const full = await tableCounts();
    expect(
      await desk.fail('tickets.sell', { productId: lake.id, slotId: morning, visitDate: TODAY, visitors: [WANG] }),
    ).toEqual({ code: 'SLOT_FULL', params: { available: 0 } });
    expect(await tableCounts()).toEqual(full);
    expect((await desk.call('tickets.availability', { productId: lake.id, visitDate: TODAY }))[0]).toMatchObject({
      sold: 3,
      available: 0,
    });
    // The refused sale did not use up a number.
    expect((await sell([WANG], afternoon)).number).toBe(`T261126-${desk.services.device.code}-003`);
  });

  it('a cancelled order gives its places back', async () => {
    const order = await sell([WANG, LI, SMITH]);
    await desk.services.db
      .updateTable('ticket_order')
      .set({ status: 'cancelled' })
      .where('id', '=', order.id)
      .execute();
    expect((await desk.call('tickets.availability', { productId: lake.id, visitDate: TODAY }))[0]).toMatchObject({
      sold: 0,
      available: 3,
    });
    await sell([WANG, LI, SMITH]);
  });

  it('refuses a visit date before the business date, and sells for later dates', async () => {
    const before = await tableCounts();
    expect(
      await desk.fail('tickets.sell', {
        productId: lake.id,
        slotId: morning,
        visitDate: '2026-11-25',
        visitors: [WANG],
      }),
    ).toMatchObject({ code: 'INPUT_INVALID', fields: ['visitDate'] });
    expect(await tableCounts()).toEqual(before);
    // Numbers carry the date of the sale, not of the visit.
    expect(await sell([WANG], morning, '2027-01-15')).toMatchObject({
      visitDate: '2027-01-15',
      number: `T261126-${desk.services.device.code}-001`,
    });
  });

  it('refuses a closed date with DATE_CLOSED', async () => {
    await signIn(desk, ADMIN.username, ADMIN.password);
    await desk.call('closedDates.set', { date: TOMORROW, closed: true, reason: '大风停航' });
    await signIn(desk, 'lina');
    expect(
      await desk.fail('tickets.sell', { productId: lake.id, slotId: morning, visitDate: TOMORROW, visitors: [WANG] }),
    ).toEqual({ code: 'DATE_CLOSED', params: { date: TOMORROW } });
    expect((await tableCounts()).ticket_order).toBe(0);
  });

  it("refuses another product's slot and an unknown product", async () => {
    await signIn(desk, ADMIN.username, ADMIN.password);
    const tower = await desk.call('ticketProducts.save', {
      code: 'TOWER',
      name: '雷峰塔',
      priceFen: 4_000,
      slots: [{ startTime: '09:00', endTime: '17:00', capacity: 500 }],
    });
    expect(
      (
        await desk.fail('tickets.sell', {
          productId: lake.id,
          slotId: tower.slots[0]!.id,
          visitDate: TODAY,
          visitors: [WANG],
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await desk.fail('tickets.sell', {
          productId: '0192f000-0000-7000-8000-000000000099',
          slotId: morning,
          visitDate: TODAY,
          visitors: [WANG],
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect((await tableCounts()).ticket_order).toBe(0);
  });
});

describe('at the gate', () => {
  it('finds an order by its number; an unknown number is NOT_FOUND', async () => {
    const order = await sell([WANG]);
    expect(await desk.call('tickets.find', { number: order.number })).toEqual(order);
    expect((await desk.fail('tickets.find', { number: 'T261126-XXXX-999' })).code).toBe('NOT_FOUND');
  });

  it('a ticket is redeemed once; the second scan is refused', async () => {
    const order = await sell([WANG, LI]);
    const ids = order.visitors.map((v) => v.id);
    desk.clock.advanceMinutes(2);
    const redeemed = await desk.call('tickets.redeem', { orderId: order.id, visitorIds: ids });
    expect(redeemed.visitors.map((v) => v.redeemedAt)).toEqual([
      desk.clock.now().toISOString(),
      desk.clock.now().toISOString(),
    ]);
    const rows = await desk.services.db
      .selectFrom('ticket_visitor')
      .select(['redeemed_at', 'redeemed_by'])
      .where('order_id', '=', order.id)
      .execute();
    const lina = await desk.services.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'lina')
      .executeTakeFirstOrThrow();
    expect(rows.every((r) => r.redeemed_by === lina.id)).toBe(true);

    desk.clock.advanceMinutes(1);
    const before = await tableCounts();
    expect(await desk.fail('tickets.redeem', { orderId: order.id, visitorIds: ids })).toEqual({
      code: 'TICKET_ALREADY_USED',
    });
    expect(await tableCounts()).toEqual(before);
    expect(await desk.call('tickets.find', { number: order.number })).toEqual(redeemed);
  });

  it('a party may pass one by one, but a visitor already in refuses the whole scan', async () => {
    const order = await sell([WANG, LI]);
    const [wang, li] = order.visitors.map((v) => v.id) as [string, string];
    await desk.call('tickets.redeem', { orderId: order.id, visitorIds: [wang] });
    expect((await desk.fail('tickets.redeem', { orderId: order.id, visitorIds: [li, wang] })).code).toBe(
      'TICKET_ALREADY_USED',
    );
    expect(
      (await desk.call('tickets.find', { number: order.number })).visitors.map((v) => v.redeemedAt !== null),
    ).toEqual([true, false]);
    const after = await desk.call('tickets.redeem', { orderId: order.id, visitorIds: [li] });
    expect(after.visitors.every((v) => v.redeemedAt !== null)).toBe(true);
  });

  it("refuses tomorrow's ticket today, and takes it tomorrow", async () => {
    const order = await sell([WANG], morning, TOMORROW);
    const ids = order.visitors.map((v) => v.id);
    expect(await desk.fail('tickets.redeem', { orderId: order.id, visitorIds: ids })).toEqual({
      code: 'TICKET_NOT_FOR_TODAY',
      params: { date: TOMORROW },
    });
    desk.clock.advanceMinutes(24 * 60);
    // The business date is the property's, not the clock's: still today until the night audit closes it.
    await signIn(desk, 'lina');
    expect(await desk.fail('tickets.redeem', { orderId: order.id, visitorIds: ids })).toEqual({
      code: 'TICKET_NOT_FOR_TODAY',
      params: { date: TOMORROW },
    });
    await signIn(desk, 'chen');
    await desk.call('nightAudit.roll', { closingDate: TODAY });
    await signIn(desk, 'lina');
    expect(
      (await desk.call('tickets.redeem', { orderId: order.id, visitorIds: ids })).visitors[0]!.redeemedAt,
    ).not.toBeNull();
  });

  it('refuses a visitor of another order, and a cancelled order', async () => {
    const mine = await sell([WANG]);
    const theirs = await sell([LI]);
    expect((await desk.fail('tickets.redeem', { orderId: mine.id, visitorIds: [theirs.visitors[0]!.id] })).code).toBe(
      'NOT_FOUND',
    );
    await desk.services.db
      .updateTable('ticket_order')
      .set({ status: 'cancelled' })
      .where('id', '=', theirs.id)
      .execute();
    expect((await desk.fail('tickets.redeem', { orderId: theirs.id, visitorIds: [theirs.visitors[0]!.id] })).code).toBe(
      'BOOKING_STATE',
    );
    expect(
      await desk.services.db.selectFrom('ticket_visitor').select('id').where('redeemed_at', 'is not', null).execute(),
    ).toEqual([]);
  });
});
