/**
 * The daily report on a fixture hotel whose numbers were worked out by hand. The hotel of
 * hotel.ts: rooms 301 and 302 (standard, base rate ¥400) and 501 (suite, ¥1,200), entered on
 * 26 November 2026; bookings without a rate plan are sold at the base rate. Times are Shanghai's.
 *
 * 26 Nov (business date 26)
 *   10:00 lina: B1 standard 26→28, walk-in, checked in to 301, ¥400 cash.
 *               B2 suite 27→28, phone, ¥500 WeChat deposit.
 *               B4 standard 27→28, phone, strict plan, ¥500 Alipay deposit.
 * 27 Nov 00:30 chen: night audit closes the 26th (every arrival of the 26th is in house).
 *   10:00 lina: B2 checked in to 501, pays the ¥700 balance by card.
 *   10:30 chen: ¥400 cash on B1 (its second night).
 *   10:40 lina: boat tickets (¥50 each) — order T1: 3 visitors at 09:00 on the 27th (¥150);
 *               T2: 2 visitors at 13:00 on the 27th (¥100); T3: 1 visitor at 09:00 on the 28th (¥50).
 *   11:00 lina: B4 cancelled (change of plans) after the grace and after 18:00 the day before:
 *               penalty the first night ¥400, refund ¥100 by Alipay.
 *   11:05 lina: B3 standard 27→29, phone, strict plan (no-show: the first night), nothing paid.
 *   11:10 lina: T2 cancelled for the weather (the boat's terms: free until it sails): ¥100 back by WeChat.
 *   11:20 lina: two of T1's three visitors pass the gate.
 *   12:00 lina: room 302 goes out of order.
 *   14:00 lina: a complaint opened, resolved at 14:30 by her (first contact, within target).
 * 28 Nov 00:30 chen: night audit closes the 27th: B3 never came — a no-show owing ¥400.
 *   01:00 chen: the daily report for the 27th.
 *
 * By hand, for the 27th:
 *   front office: arrivals B2 (B3 and B4 no longer due) = 1, arrived 1; departures 0; in house
 *     B1 + B2 = 2; no-shows B3 = 1 (¥400); cancellations B4 + T2 = 2, penalties ¥400, refunds ¥200.
 *   rooms now: 301 and 501 occupied, 302 out of order.
 *   cashier: taken ¥400 cash (chen) + ¥700 card (lina) + tickets ¥150 + ¥100 + ¥50 (lina) = ¥1,400;
 *     refunded ¥100 Alipay + ¥100 WeChat (lina) = ¥200; net ¥1,200.
 *   tickets of the 27th: 09:00 (capacity 10) 1 order, 3 sold, 2 admitted, ¥150; 13:00 (capacity 5)
 *     1 order cancelled, 0 sold, ¥0 kept; utilisation 3 ÷ 15 = 20 %.
 *   flash — rooms available: 302 is out of order now, so 2 rooms a night from the 26th.
 *     day: available 2, sold 2 (B1, B2), revenue ¥400 + ¥1,200 = ¥1,600, occupancy 100 %,
 *       ADR ¥800, RevPAR ¥800, tickets ¥150 (T1; T2 kept nothing), success: arrivals of the
 *       27th with an outcome B2 honoured, B3 no-show, B4 cancelled = 1 ÷ 3.
 *     month and year to date (26th–27th): available 4, sold 3 (B1 twice, B2), revenue ¥2,000,
 *       occupancy 75 %, ADR ¥666.67, RevPAR ¥500, tickets ¥150, success B1 and B2 of 4 = 50 %.
 *     no rooms or sales in 2025: no columns for last year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '@shared/contract/reports';
import type { CancellationPolicy } from '@shared/rules/cancellation';
import { dailyReport } from '../../src-main/services/reports/daily';
import { ADMIN, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';
import { boatTickets, labelKeysOf, plain, readerOf, stayFor } from './report-hotel';

let desk: Desk;
let hotel: Hotel;
let report: ReportDocument;

const STRICT: CancellationPolicy = {
  graceHours: 2,
  tiers: [{ from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } }],
  noShow: { kind: 'first_night' },
  nonRefundable: false,
};

const PASSWORDS: Record<string, string> = { admin: ADMIN.password };

/** The desk's clock moved to a Shanghai time in November 2026 ("27 10:00"); `who` signs in there. */
async function at(dayTime: string, who: 'lina' | 'chen' | 'admin') {
  const [day, time] = dayTime.split(' ');
  const target = Date.parse(`2026-11-${day}T${time}:00+08:00`);
  desk.clock.advanceMinutes((target - desk.clock.now().getTime()) / 60_000);
  await signIn(desk, who, PASSWORDS[who]);
}

const stay = stayFor(() => hotel);

async function theTwoDays() {
  await at('26 10:00', 'admin');
  const strict = (
    await desk.call('ratePlans.save', {
      code: 'STRICT',
      name: '限时取消价',
      channels: ['walk_in', 'phone'],
      prices: [],
      cancellationPolicy: STRICT,
    })
  ).id;
  const { morning, afternoon, sell } = await boatTickets(desk);

  await signIn(desk, 'lina');
  const b1 = await desk.call('bookings.create', {
    ...stay('2026-11-26', '2026-11-28', hotel.standard),
    channel: 'walk_in',
  });
  await desk.call('frontDesk.checkIn', { bookingId: b1.id, roomId: hotel.rooms['301']! });
  await desk.call('payments.record', { bookingId: b1.id, kind: 'payment', method: 'cash', amountFen: 40_000 });
  const b2 = await desk.call('bookings.create', stay('2026-11-27', '2026-11-28', hotel.suite));
  await desk.call('payments.record', { bookingId: b2.id, kind: 'deposit', method: 'wechat', amountFen: 50_000 });
  const b4 = await desk.call('bookings.create', stay('2026-11-27', '2026-11-28', hotel.standard, strict));
  await desk.call('payments.record', { bookingId: b4.id, kind: 'deposit', method: 'alipay', amountFen: 50_000 });

  await at('27 00:30', 'chen');
  await desk.call('nightAudit.roll', { closingDate: '2026-11-26', earlyClose: false });

  await at('27 10:00', 'lina');
  await desk.call('frontDesk.checkIn', { bookingId: b2.id, roomId: hotel.rooms['501']! });
  await desk.call('payments.record', { bookingId: b2.id, kind: 'payment', method: 'card', amountFen: 70_000 });
  await at('27 10:30', 'chen');
  await desk.call('payments.record', { bookingId: b1.id, kind: 'payment', method: 'cash', amountFen: 40_000 });

  await at('27 10:40', 'lina');
  const t1 = await sell(morning, '2026-11-27', 3);
  const t2 = await sell(afternoon, '2026-11-27', 2);
  await sell(morning, '2026-11-28', 1);

  await at('27 11:00', 'lina');
  const b4Cancelled = await desk.call('bookings.cancel', {
    id: b4.id,
    reason: 'change_of_plans',
    refundMethod: 'alipay',
  });
  expect(b4Cancelled).toMatchObject({ penaltyFen: 40_000, refundFen: 10_000 });
  // With B4's room back, the last standard room of the 27th goes to B3.
  await at('27 11:05', 'lina');
  await desk.call('bookings.create', stay('2026-11-27', '2026-11-29', hotel.standard, strict));
  await at('27 11:10', 'lina');
  expect(
    await desk.call('tickets.cancel', { orderId: t2.id, reason: 'weather', refundMethod: 'wechat' }),
  ).toMatchObject({ penaltyFen: 0, refundFen: 10_000 });
  await at('27 11:20', 'lina');
  await desk.call('tickets.redeem', { orderId: t1.id, visitorIds: t1.visitors.slice(0, 2).map((v) => v.id) });
  await at('27 12:00', 'lina');
  await desk.call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'out_of_order' });
  await at('27 14:00', 'lina');
  const complaint = await desk.call('complaints.open', {
    channel: 'in_person',
    category: 'room',
    severity: 'general',
    description: '空调不制冷',
  });
  await at('27 14:30', 'lina');
  await desk.call('complaints.resolve', { id: complaint.id, note: '已更换房间空调滤网' });

  await at('28 00:30', 'chen');
  expect(await desk.call('nightAudit.roll', { closingDate: '2026-11-27', earlyClose: false })).toMatchObject({
    noShows: [expect.any(String)],
  });
  await at('28 01:00', 'chen');
}

const { sectionOf, figuresOf, rowsOf } = readerOf(() => report);

beforeAll(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await theTwoDays();
  report = await dailyReport(desk.services.db, { date: '2026-11-27', now: desk.clock.now(), generatedBy: 'chen' });
});
afterAll(() => desk.close());

describe('the daily report of 27 November', () => {
  it('names the property, the day in its zone, who generated it and when this desk last heard from the server', () => {
    expect(report).toMatchObject({
      kind: 'daily',
      period: '2026-11-27',
      from: '2026-11-26T16:00:00.000Z',
      to: '2026-11-27T16:00:00.000Z',
      property: { name: '西湖宾馆', timeZone: 'Asia/Shanghai', currency: 'CNY' },
      dataAsOf: null,
      generatedAt: '2026-11-27T17:00:00.000Z',
      generatedBy: 'chen',
    });
    expect(report.sections.map((s) => s.id)).toEqual([
      'flash',
      'frontOffice',
      'roomStatus',
      'cashier',
      'tickets',
      'complaints',
    ]);
    expect(report.definitions).toContain('bookingSuccessRate');
  });

  it("gives the manager's flash for the day, month and year to date", () => {
    expect(figuresOf('flash')).toEqual({
      roomsAvailable: 2,
      roomsSold: 2,
      occupancy: 1,
      adr: 80_000,
      revpar: 80_000,
      roomRevenue: 160_000,
      ticketRevenue: 15_000,
      bookingSuccessRate: 1 / 3,
    });
    const toDate = {
      roomsAvailable: 4,
      roomsSold: 3,
      occupancy: 0.75,
      adr: 66_667,
      revpar: 50_000,
      roomRevenue: 200_000,
      ticketRevenue: 15_000,
      bookingSuccessRate: 0.5,
    };
    const { rows } = rowsOf('flash', 'flash');
    const column = (key: string) =>
      Object.fromEntries(rows.map((r) => [String(r['measure']).split('.').at(-1), r[key]]));
    expect(column('monthToDate')).toEqual(toDate);
    expect(column('yearToDate')).toEqual(toDate);
    expect(sectionOf('flash').tables[0]!.columns.map((c) => c.key)).toEqual([
      'measure',
      'day',
      'monthToDate',
      'yearToDate',
    ]);
    expect(sectionOf('flash').notes).toEqual([
      { key: 'flashNoLastYear', params: { year: 2025 } },
      { key: 'outOfOrderNow' },
    ]);
  });

  it('lists arrivals, departures, in house, no-shows and the day’s cancellations', () => {
    expect(figuresOf('frontOffice')).toEqual({
      arrivals: 1,
      arrived: 1,
      departures: 0,
      inHouse: 2,
      noShows: 1,
      cancellations: 2,
      cancellationPenalties: 40_000,
    });
    expect(rowsOf('frontOffice', 'inHouse', ['room', 'arrival', 'departure', 'nights', 'status']).rows).toEqual([
      { room: '301', arrival: '2026-11-26', departure: '2026-11-28', nights: 2, status: 'desk.statuses.checked_in' },
      { room: '501', arrival: '2026-11-27', departure: '2026-11-28', nights: 1, status: 'desk.statuses.checked_in' },
    ]);
    expect(rowsOf('frontOffice', 'noShows', ['arrival', 'nights', 'status', 'penalty']).rows).toEqual([
      { arrival: '2026-11-27', nights: 2, status: 'desk.statuses.no_show', penalty: 40_000 },
    ]);
    expect(rowsOf('frontOffice', 'cancellations', ['reason', 'penalty', 'refund', 'staff'])).toEqual({
      rows: [
        { reason: 'cancellations.reasons.change_of_plans', penalty: 40_000, refund: 10_000, staff: 'lina' },
        { reason: 'cancellations.reasons.weather', penalty: 0, refund: 10_000, staff: 'lina' },
      ],
      totals: { penalty: 40_000, refund: 20_000 },
    });
  });

  it('counts the rooms by type and status as they stand', () => {
    expect(figuresOf('roomStatus')).toEqual({ rooms: 3, vacantClean: 0, vacantDirty: 0, occupied: 2, outOfOrder: 1 });
    expect(rowsOf('roomStatus', 'roomStatusByType').rows).toEqual([
      { roomType: '标准间', rooms: 2, vacantClean: 0, vacantDirty: 0, occupied: 1, outOfOrder: 1 },
      { roomType: '套房', rooms: 1, vacantClean: 0, vacantDirty: 0, occupied: 1, outOfOrder: 0 },
    ]);
  });

  it('balances the cashier report by method and by staff member', () => {
    expect(figuresOf('cashier')).toEqual({ taken: 140_000, refunded: 20_000, net: 120_000 });
    const total = { entries: 7, taken: 140_000, refunded: 20_000, net: 120_000 };
    expect(rowsOf('cashier', 'cashierByMethod')).toEqual({
      rows: [
        { method: 'desk.paymentMethods.alipay', entries: 1, taken: 0, refunded: 10_000, net: -10_000 },
        { method: 'desk.paymentMethods.card', entries: 1, taken: 70_000, refunded: 0, net: 70_000 },
        { method: 'desk.paymentMethods.cash', entries: 1, taken: 40_000, refunded: 0, net: 40_000 },
        { method: 'desk.paymentMethods.wechat', entries: 1, taken: 0, refunded: 10_000, net: -10_000 },
        { method: 'reports.labels.ticketSales', entries: 3, taken: 30_000, refunded: 0, net: 30_000 },
      ],
      totals: total,
    });
    expect(rowsOf('cashier', 'cashierByStaff', ['staff', 'method', 'taken', 'refunded'])).toEqual({
      rows: [
        { staff: 'chen', method: 'desk.paymentMethods.cash', taken: 40_000, refunded: 0 },
        { staff: 'lina', method: 'desk.paymentMethods.alipay', taken: 0, refunded: 10_000 },
        { staff: 'lina', method: 'desk.paymentMethods.card', taken: 70_000, refunded: 0 },
        { staff: 'lina', method: 'desk.paymentMethods.wechat', taken: 0, refunded: 10_000 },
        { staff: 'lina', method: 'reports.labels.ticketSales', taken: 30_000, refunded: 0 },
      ],
      totals: total,
    });
  });

  it('gives ticket sales by slot and the gate’s admissions', () => {
    expect(figuresOf('tickets')).toEqual({ ticketOrders: 2, ticketsSold: 3, admitted: 2, ticketRevenue: 15_000 });
    expect(rowsOf('tickets', 'ticketsBySlot')).toEqual({
      rows: [
        {
          product: '游船',
          slot: '09:00–12:00',
          capacity: 10,
          orders: 1,
          ticketsSold: 3,
          slotUtilisation: 0.3,
          admitted: 2,
          ticketRevenue: 15_000,
        },
        {
          product: '游船',
          slot: '13:00–16:00',
          capacity: 5,
          orders: 1,
          ticketsSold: 0,
          slotUtilisation: 0,
          admitted: 0,
          ticketRevenue: 0,
        },
      ],
      totals: { capacity: 15, orders: 2, ticketsSold: 3, slotUtilisation: 0.2, admitted: 2, ticketRevenue: 15_000 },
    });
  });

  it('counts the complaints opened, resolved, closed and overdue', () => {
    expect(figuresOf('complaints')).toEqual({
      complaintsOpened: 1,
      complaintsResolved: 1,
      complaintsClosed: 0,
      complaintsOverdue: 0,
      firstContactResolution: 1,
      withinTarget: 1,
    });
  });
});

describe('the daily report through the contract', () => {
  it('is generated by the signed-in person; on the open business date it says the day is still open', async () => {
    const open = await desk.call('reports.daily', { date: '2026-11-28' });
    expect(open.generatedBy).toBe('chen');
    const flash = open.sections.find((s) => s.id === 'flash')!;
    expect(flash.notes).toContainEqual({ key: 'flashDayOpen', params: { date: '2026-11-28' } });
    expect(Object.fromEntries(flash.figures.map((f) => [f.key, plain(f.value)]))).toMatchObject({
      roomsAvailable: 2,
      roomsSold: 0,
      occupancy: 0,
      adr: null,
      ticketRevenue: 5_000,
      bookingSuccessRate: null,
    });
  });

  it('is refused to an agent, who may not view reports', async () => {
    await signIn(desk, 'lina');
    expect((await desk.fail('reports.daily', { date: '2026-11-27' })).code).toBe('PERMISSION_DENIED');
    await signIn(desk, 'chen');
  });
});

describe('beside last year', () => {
  it('shows last year’s columns once the desk holds rooms for last year', async () => {
    // As if the three rooms had been entered on 1 January 2025; 302 is still out of order now.
    await desk.services.db.updateTable('room').set({ created_at: '2024-12-31T16:00:00.000Z' }).execute();
    const doc = await dailyReport(desk.services.db, { date: '2026-11-27', now: desk.clock.now(), generatedBy: 'chen' });
    const table = doc.sections.find((s) => s.id === 'flash')!.tables[0]!;
    expect(table.columns.map((c) => c.key)).toEqual([
      'measure',
      'day',
      'dayLastYear',
      'monthToDate',
      'monthToDateLastYear',
      'yearToDate',
      'yearToDateLastYear',
    ]);
    // Two rooms a night: 1–27 November is 27 nights, 1 January – 27 November 331 (2025 and 2026 alike).
    const available = table.rows.find((r) => plain(r['measure']) === 'reports.labels.roomsAvailable')!;
    expect(Object.fromEntries(Object.entries(available).map(([k, v]) => [k, plain(v)]))).toEqual({
      measure: 'reports.labels.roomsAvailable',
      day: 2,
      dayLastYear: 2,
      monthToDate: 54,
      monthToDateLastYear: 54,
      yearToDate: 662,
      yearToDateLastYear: 662,
    });
    const occupancy = table.rows.find((r) => plain(r['measure']) === 'reports.labels.occupancy')!;
    // This month: 3 sold of 54; last year nothing sold.
    expect(plain(occupancy['monthToDate'])).toBe(3 / 54);
    expect(plain(occupancy['monthToDateLastYear'])).toBe(0);
  });
});

describe('the words of the daily report', () => {
  it('has a label and a definition for every key it uses, in the three languages', async () => {
    const catalogs = [
      await import('../../src-renderer/i18n/locales/reports/daily-zh-CN'),
      await import('../../src-renderer/i18n/locales/reports/daily-zh-TW'),
      await import('../../src-renderer/i18n/locales/reports/daily-en'),
    ];
    const labels = labelKeysOf(report);
    for (const catalog of catalogs) {
      expect([...labels].filter((key) => !(key in catalog.labels))).toEqual([]);
      expect(report.definitions.filter((key) => !(key in catalog.definitions))).toEqual([]);
      expect(Object.keys(catalog.labels).sort()).toEqual(Object.keys(catalogs[2]!.labels).sort());
      expect(Object.keys(catalog.definitions).sort()).toEqual(Object.keys(catalogs[2]!.definitions).sort());
    }
  });
});
