/**
 * The weekly report on a fixture hotel whose numbers were worked out by hand. The hotel of
 * hotel.ts: rooms 301 and 302 (standard, base rate ¥400) and 501 (suite, ¥1,200), entered on
 * Thursday 26 November 2026; bookings without a rate plan are sold at the base rate; every booking
 * is the same guest's. The week is 2026-W48, Monday 23 to Sunday 29 November. Times are Shanghai's.
 *
 * 26 Nov 10:00 lina: B1 standard 26→28, walk-in, checked in to 301, ¥800 cash.
 *               B2 suite 27→29, phone, ¥1,000 WeChat deposit.
 *               B3 standard 28→30, phone (its second night is the next week's Monday's eve: 29).
 *               B4 standard 29→30, phone.
 * 27 Nov 00:30 chen: night audit closes the 26th.
 *   09:00 lina: B5 standard 27→28, phone.
 *   10:00 lina: B2 checked in to 501, pays ¥1,400 by card.
 *   10:40 lina: boat tickets (¥50 each) — T1: 3 visitors at 09:00 on the 27th (¥150);
 *               T2: 2 visitors at 13:00 on the 29th (¥100); T3: 1 visitor at 09:00 on the 30th (¥50).
 *   11:00 lina: B4 cancelled (change of plans), nothing paid, nothing refunded.
 *   11:20 lina: two of T1's three visitors pass the gate.
 *   14:00 lina: the guest's complaint opened, resolved at 14:30 by her (first contact, within target); its
 *               call-back falls due 24 hours later, 28th 14:30.
 * 28 Nov 00:30 chen: night audit closes the 27th: B5 never came — a no-show.
 *   10:00 lina: T2 cancelled for the weather (free until the boat sails): ¥100 back by WeChat.
 *   11:00 lina: B1 checked out (the guest's first stay: its call-back is due 29th 11:00).
 *   12:00 lina: B3 checked in to 302, pays ¥800 by Alipay. The complaint's call-back: reached, 4.
 * 29 Nov 00:30 chen: night audit closes the 28th.
 *   11:00 lina: B2 checked out (not a first stay: no call-back).
 *   15:00 lina: the stay's call-back, four hours late: reached, 5.
 * 30 Nov 00:30 chen: night audit closes the 29th; 01:00 the weekly report of 2026-W48.
 *
 * By hand, for 2026-W48:
 *   flash by day — rooms available: 0 on the 23rd–25th (no rooms yet), 3 a night from the 26th
 *     (none out of order), 12 in the week.
 *     26th: sold 1 (B1), ¥400, occupancy 1/3, ADR ¥400, RevPAR ¥133.33; success B1 of 1 = 100%.
 *     27th: sold 2 (B1, B2), ¥1,600, 2/3, ADR ¥800, RevPAR ¥533.33; tickets ¥150 (T1);
 *           success B2 honoured, B5 no-show = 50%.
 *     28th: sold 2 (B2, B3), ¥1,600, 2/3, ADR ¥800, RevPAR ¥533.33; success B3 = 100%.
 *     29th: sold 1 (B3), ¥400, 1/3, ADR ¥400, RevPAR ¥133.33; tickets ¥0 (T2 kept nothing);
 *           success B4 cancelled = 0%.
 *     week: sold 6, revenue ¥4,000 (B1 ¥800 and B2 ¥2,400 wholly inside, B3's two nights of
 *       its three inside ¥800), occupancy 50%, ADR ¥666.67, RevPAR ¥333.33, tickets ¥150,
 *       success B1, B2, B3 of B1–B5 = 60%.
 *   front office: arrivals B1, B2, B3 = 3 (all arrived); departures B1 (28th), B2 (29th) = 2; no-shows
 *     B5 = 1 (27th); cancellations B4 (made 27th) and T2 (made 28th) = 2, penalties ¥0.
 *   cashier: alipay ¥800; card ¥1,400; cash ¥800; WeChat ¥1,000 taken, ¥100 refunded; ticket sales
 *     T1 ¥150 + T2 ¥100 + T3 ¥50 = ¥300 (sold in the week, whatever the visit date): taken ¥4,300,
 *     refunded ¥100, net ¥4,200.
 *   tickets of the week's visit dates: 09:00 (10 a day, 70) T1: 1 order, 3 sold, 2 admitted, ¥150;
 *     13:00 (5 a day, 35) T2 cancelled: 1 order, 0 sold, ¥0; utilisation 3 ÷ 105. T3 visits the 30th.
 *   complaints: opened 1, resolved 1, closed 0, overdue 0; within target 1 of 1, first contact 1 of 1;
 *     call-backs due in the week 2 (28th 14:30, 29th 11:00), 1 within = 50%; score (4 + 5) ÷ 2 = 4.5;
 *     answered and resolved in 0.5 working hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '@shared/contract/reports';
import { weeklyReport } from '../../src-main/services/reports/weekly';
import { ADMIN, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';
import { boatTickets, labelKeysOf, readerOf, stayFor } from './report-hotel';

let desk: Desk;
let hotel: Hotel;
let report: ReportDocument;

const PASSWORDS: Record<string, string> = { admin: ADMIN.password };

/** The desk's clock moved to a Shanghai time in November 2026 ("27 10:00"), past the idle lock; `who` signs in there. */
async function at(dayTime: string, who: 'lina' | 'chen' | 'admin') {
  const [day, time] = dayTime.split(' ');
  desk.clock.setTo(`2026-11-${day}T${time}:00+08:00`);
  await signIn(desk, who, PASSWORDS[who]);
}

const stay = stayFor(() => hotel);

const audit = async (day: string, closingDate: string) => {
  await at(`${day} 00:30`, 'chen');
  return desk.call('nightAudit.roll', { closingDate, earlyClose: false });
};

async function theWeek() {
  await at('26 10:00', 'admin');
  const { morning, afternoon, sell } = await boatTickets(desk);

  await signIn(desk, 'lina');
  const b1 = await desk.call('bookings.create', {
    ...stay('2026-11-26', '2026-11-28', hotel.standard),
    channel: 'walk_in',
  });
  await desk.call('frontDesk.checkIn', { bookingId: b1.id, roomId: hotel.rooms['301']! });
  await desk.call('payments.record', { bookingId: b1.id, kind: 'payment', method: 'cash', amountFen: 80_000 });
  const b2 = await desk.call('bookings.create', stay('2026-11-27', '2026-11-29', hotel.suite));
  await desk.call('payments.record', { bookingId: b2.id, kind: 'deposit', method: 'wechat', amountFen: 100_000 });
  const b3 = await desk.call('bookings.create', stay('2026-11-28', '2026-11-30', hotel.standard));
  const b4 = await desk.call('bookings.create', stay('2026-11-29', '2026-11-30', hotel.standard));

  await audit('27', '2026-11-26');
  await at('27 09:00', 'lina');
  await desk.call('bookings.create', stay('2026-11-27', '2026-11-28', hotel.standard));
  await at('27 10:00', 'lina');
  await desk.call('frontDesk.checkIn', { bookingId: b2.id, roomId: hotel.rooms['501']! });
  await desk.call('payments.record', { bookingId: b2.id, kind: 'payment', method: 'card', amountFen: 140_000 });
  await at('27 10:40', 'lina');
  const t1 = await sell(morning, '2026-11-27', 3);
  const t2 = await sell(afternoon, '2026-11-29', 2);
  await sell(morning, '2026-11-30', 1);
  await at('27 11:00', 'lina');
  expect(
    await desk.call('bookings.cancel', { id: b4.id, reason: 'change_of_plans', refundMethod: 'cash' }),
  ).toMatchObject({
    penaltyFen: 0,
    refundFen: 0,
  });
  await at('27 11:20', 'lina');
  await desk.call('tickets.redeem', { orderId: t1.id, visitorIds: t1.visitors.slice(0, 2).map((v) => v.id) });
  await at('27 14:00', 'lina');
  const complaint = await desk.call('complaints.open', {
    channel: 'in_person',
    guestId: hotel.guest,
    category: 'room',
    severity: 'general',
    description: '空调不制冷',
  });
  await at('27 14:30', 'lina');
  await desk.call('complaints.resolve', { id: complaint.id, note: '已更换房间空调滤网' });

  expect(await audit('28', '2026-11-27')).toMatchObject({ noShows: [expect.any(String)] });
  await at('28 10:00', 'lina');
  expect(
    await desk.call('tickets.cancel', { orderId: t2.id, reason: 'weather', refundMethod: 'wechat' }),
  ).toMatchObject({ penaltyFen: 0, refundFen: 10_000 });
  await at('28 11:00', 'lina');
  await desk.call('frontDesk.checkOut', { bookingId: b1.id });
  await at('28 12:00', 'lina');
  await desk.call('frontDesk.checkIn', { bookingId: b3.id, roomId: hotel.rooms['302']! });
  await desk.call('payments.record', { bookingId: b3.id, kind: 'payment', method: 'alipay', amountFen: 80_000 });
  const callbacks = await desk.call('callbacks.list', { view: 'open' });
  expect(callbacks).toHaveLength(2);
  const complaintCallback = callbacks.find((c) => c.complaintId === complaint.id)!;
  const stayCallback = callbacks.find((c) => c.complaintId === null)!;
  await desk.call('callbacks.record', { id: complaintCallback.id, outcome: 'reached', score: 4 });

  await audit('29', '2026-11-28');
  await at('29 11:00', 'lina');
  await desk.call('frontDesk.checkOut', { bookingId: b2.id });
  await at('29 15:00', 'lina');
  await desk.call('callbacks.record', { id: stayCallback.id, outcome: 'reached', score: 5 });

  await audit('30', '2026-11-29');
  await at('30 01:00', 'chen');
}

const { sectionOf, figuresOf, rowsOf } = readerOf(() => report);

beforeAll(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await theWeek();
  report = await weeklyReport(desk.services.db, { week: '2026-W48', now: desk.clock.now(), generatedBy: 'chen' });
});
afterAll(() => desk.close());

describe('the weekly report of 2026-W48', () => {
  it('names the property, the ISO week Monday to Sunday in its zone, who generated it and when', () => {
    expect(report).toMatchObject({
      kind: 'weekly',
      period: '2026-W48',
      from: '2026-11-22T16:00:00.000Z', // 00:00 on Monday the 23rd in Shanghai
      to: '2026-11-29T16:00:00.000Z', // 00:00 on Monday the 30th
      property: { name: '西湖宾馆', timeZone: 'Asia/Shanghai', currency: 'CNY' },
      dataAsOf: null,
      generatedAt: '2026-11-29T17:00:00.000Z',
      generatedBy: 'chen',
    });
    expect(report.sections.map((s) => s.id)).toEqual([
      'weeklyFlash',
      'frontOffice',
      'cashier',
      'tickets',
      'complaints',
    ]);
    expect(report.definitions).toContain('isoWeek');
  });

  it("gives the manager's flash for the week, with each day beside it", () => {
    expect(figuresOf('weeklyFlash')).toEqual({
      roomsAvailable: 12,
      roomsSold: 6,
      occupancy: 0.5,
      adr: 66_667,
      revpar: 33_333,
      roomRevenue: 400_000,
      ticketRevenue: 15_000,
      bookingSuccessRate: 0.6,
    });
    const none = {
      roomsAvailable: 0,
      roomsSold: 0,
      occupancy: null,
      adr: null,
      revpar: null,
      roomRevenue: 0,
      ticketRevenue: 0,
      bookingSuccessRate: null,
    };
    // The rooms, then the money and bookings: two tables of the same seven days.
    const flash = sectionOf('weeklyFlash');
    expect(flash.tables.map((t) => t.columns.map((c) => c.key))).toEqual([
      ['date', 'roomsAvailable', 'roomsSold', 'occupancy', 'adr', 'revpar'],
      ['date', 'roomRevenue', 'ticketRevenue', 'bookingSuccessRate'],
    ]);
    const rooms = rowsOf('weeklyFlash', 'flashByDay');
    const sales = rowsOf('weeklyFlash', 'salesByDay');
    const rows = rooms.rows.map((row, i) => ({ ...row, ...sales.rows[i] }));
    const totals = { ...rooms.totals, ...sales.totals };
    expect(rows).toEqual([
      { date: '2026-11-23', ...none },
      { date: '2026-11-24', ...none },
      { date: '2026-11-25', ...none },
      {
        date: '2026-11-26',
        roomsAvailable: 3,
        roomsSold: 1,
        occupancy: 1 / 3,
        adr: 40_000,
        revpar: 13_333,
        roomRevenue: 40_000,
        ticketRevenue: 0,
        bookingSuccessRate: 1,
      },
      {
        date: '2026-11-27',
        roomsAvailable: 3,
        roomsSold: 2,
        occupancy: 2 / 3,
        adr: 80_000,
        revpar: 53_333,
        roomRevenue: 160_000,
        ticketRevenue: 15_000,
        bookingSuccessRate: 0.5,
      },
      {
        date: '2026-11-28',
        roomsAvailable: 3,
        roomsSold: 2,
        occupancy: 2 / 3,
        adr: 80_000,
        revpar: 53_333,
        roomRevenue: 160_000,
        ticketRevenue: 0,
        bookingSuccessRate: 1,
      },
      {
        date: '2026-11-29',
        roomsAvailable: 3,
        roomsSold: 1,
        occupancy: 1 / 3,
        adr: 40_000,
        revpar: 13_333,
        roomRevenue: 40_000,
        ticketRevenue: 0,
        bookingSuccessRate: 0,
      },
    ]);
    // The week's ratios are recomputed from its sums, not averaged over its days.
    expect(totals).toEqual({ date: '', ...figuresOf('weeklyFlash') });
    expect(flash.tables.map((t) => t.chart)).toEqual([
      { kind: 'line', x: 'date', series: ['occupancy', 'adr'] },
      undefined,
    ]);
    expect(sectionOf('weeklyFlash').notes).toEqual([{ key: 'outOfOrderNow' }]);
  });

  it('counts arrivals, departures, no-shows and cancellations, in all and day by day', () => {
    expect(figuresOf('frontOffice')).toEqual({
      arrivals: 3,
      arrived: 3,
      departures: 2,
      noShows: 1,
      cancellations: 2,
      cancellationPenalties: 0,
    });
    const { rows, totals } = rowsOf('frontOffice', 'frontOfficeByDay');
    const day = (date: string, arrivals: number, departures: number, noShows: number, cancellations: number) => ({
      date,
      arrivals,
      departures,
      noShows,
      cancellations,
    });
    expect(rows).toEqual([
      day('2026-11-23', 0, 0, 0, 0),
      day('2026-11-24', 0, 0, 0, 0),
      day('2026-11-25', 0, 0, 0, 0),
      day('2026-11-26', 1, 0, 0, 0),
      day('2026-11-27', 1, 0, 1, 1),
      day('2026-11-28', 1, 1, 0, 1),
      day('2026-11-29', 0, 1, 0, 0),
    ]);
    expect(totals).toEqual(day('', 3, 2, 1, 2));
  });

  it("totals the week's cashier by payment method, without the by-staff table", () => {
    expect(figuresOf('cashier')).toEqual({ taken: 430_000, refunded: 10_000, net: 420_000 });
    expect(sectionOf('cashier').tables.map((t) => t.id)).toEqual(['cashierByMethod']);
    expect(rowsOf('cashier', 'cashierByMethod')).toEqual({
      rows: [
        { method: 'desk.paymentMethods.alipay', entries: 1, taken: 80_000, refunded: 0, net: 80_000 },
        { method: 'desk.paymentMethods.card', entries: 1, taken: 140_000, refunded: 0, net: 140_000 },
        { method: 'desk.paymentMethods.cash', entries: 1, taken: 80_000, refunded: 0, net: 80_000 },
        { method: 'desk.paymentMethods.wechat', entries: 2, taken: 100_000, refunded: 10_000, net: 90_000 },
        { method: 'reports.labels.ticketSales', entries: 3, taken: 30_000, refunded: 0, net: 30_000 },
      ],
      totals: { entries: 8, taken: 430_000, refunded: 10_000, net: 420_000 },
    });
  });

  it("gives the tickets sold and admitted for the week's visit dates, each slot's capacity seven days over", () => {
    expect(figuresOf('tickets')).toEqual({ ticketOrders: 2, ticketsSold: 3, admitted: 2, ticketRevenue: 15_000 });
    expect(
      rowsOf('tickets', 'ticketsBySlot', ['slot', 'capacity', 'orders', 'ticketsSold', 'slotUtilisation']),
    ).toEqual({
      rows: [
        { slot: '09:00–12:00', capacity: 70, orders: 1, ticketsSold: 3, slotUtilisation: 3 / 70 },
        { slot: '13:00–16:00', capacity: 35, orders: 1, ticketsSold: 0, slotUtilisation: 0 },
      ],
      totals: {
        capacity: 105,
        orders: 2,
        ticketsSold: 3,
        slotUtilisation: 3 / 105,
        admitted: 2,
        ticketRevenue: 15_000,
      },
    });
  });

  it("counts the week's complaints and gives the service team's measures", () => {
    expect(figuresOf('complaints')).toEqual({
      complaintsOpened: 1,
      complaintsResolved: 1,
      complaintsClosed: 0,
      complaintsOverdue: 0,
      withinTargetRate: 1,
      firstContactResolutionRate: 1,
      callbacksWithin24hRate: 0.5,
      satisfactionScore: 4.5,
      // Answered and resolved half an hour after it was opened, on a working Friday.
      medianResponseWorkingHours: 0.5,
      medianResolutionWorkingHours: 0.5,
    });
  });
});

describe('the weekly report through the contract', () => {
  it('is generated by the signed-in person; a week not over says from which business date it is still open', async () => {
    const doc = await desk.call('reports.weekly', { week: '2026-W49' });
    expect(doc).toMatchObject({ kind: 'weekly', period: '2026-W49', generatedBy: 'chen' });
    const flash = doc.sections.find((s) => s.id === 'weeklyFlash')!;
    expect(flash.notes).toContainEqual({ key: 'weekOpen', params: { date: '2026-11-30' } });
    // B3's night of the 29th belongs to W48; in W49 only its departure on the 30th.
    expect(flash.figures.find((f) => f.key === 'roomsSold')!.value).toEqual({ kind: 'count', value: 0 });
    expect(flash.figures.find((f) => f.key === 'ticketRevenue')!.value).toEqual({ kind: 'money', fen: 5_000 });
  });

  it('refuses a week that is not one, and an agent', async () => {
    expect((await desk.fail('reports.weekly', { week: '2026-W54' })).code).toBe('INPUT_INVALID');
    expect((await desk.fail('reports.weekly', { week: '2026-11-30' })).code).toBe('INPUT_INVALID');
    await signIn(desk, 'lina');
    expect((await desk.fail('reports.weekly', { week: '2026-W48' })).code).toBe('PERMISSION_DENIED');
    await signIn(desk, 'chen');
  });
});

describe('the words of the weekly report', () => {
  it('has a label and a definition for every key it uses, in the three languages', async () => {
    const catalogs = await Promise.all([
      import('../../src-renderer/i18n/locales/reports/zh-CN').then((m) => m.reportsZhCN),
      import('../../src-renderer/i18n/locales/reports/zh-TW').then((m) => m.reportsZhTW),
      import('../../src-renderer/i18n/locales/reports/en').then((m) => m.reportsEn),
    ]);
    const labels = labelKeysOf(report);
    for (const catalog of catalogs) {
      expect([...labels].filter((key) => !(key in catalog.labels))).toEqual([]);
      expect(report.definitions.filter((key) => !(key in catalog.definitions))).toEqual([]);
    }
    const weekly = await Promise.all([
      import('../../src-renderer/i18n/locales/reports/weekly-zh-CN'),
      import('../../src-renderer/i18n/locales/reports/weekly-zh-TW'),
      import('../../src-renderer/i18n/locales/reports/weekly-en'),
    ]);
    for (const catalog of weekly) {
      expect(Object.keys(catalog.labels).sort()).toEqual(Object.keys(weekly[0]!.labels).sort());
      expect(Object.keys(catalog.definitions).sort()).toEqual(Object.keys(weekly[0]!.definitions).sort());
    }
  });
});
