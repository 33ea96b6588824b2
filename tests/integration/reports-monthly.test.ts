/**
 * The three monthly reports on a small fixture hotel whose December 2026 was worked out by hand:
 * three rooms (two standard at ¥400, one suite at ¥1,200) on the books from 1 December, five room
 * bookings, one price override and one penalty waiver approved at the desk, a no-show made by the
 * night audit, lake-boat tickets, a member, a refused operation and a lock-out, and a few
 * complaints. Times in the comments are Shanghai's (UTC+8).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportDocument, ReportSection, ReportValue } from '@shared/contract/reports';
import type { CancellationPolicy } from '@shared/rules/cancellation';
import { complaintMeasures } from '../../src-main/services/complaints/measures';
import { addStaff, ADMIN, openDesk, overrideApprovedAtDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

const PASSWORDS: Record<string, string> = { admin: ADMIN.password };

/** The desk's clock moved to a Shanghai time in December 2026 ("9 18:00"); the idle lock has struck meanwhile, so `who` signs in. */
async function at(dayTime: string, who: 'lina' | 'chen' | 'zhao' | 'admin') {
  const [day, time] = dayTime.split(' ');
  const target = Date.parse(`2026-12-${day!.padStart(2, '0')}T${time}:00+08:00`);
  desk.clock.advanceMinutes((target - desk.clock.now().getTime()) / 60_000);
  await signIn(desk, who, PASSWORDS[who]);
}

/** First night's penalty from 18:00 the day before arrival (as in the cancellations tests). */
const STRICT: CancellationPolicy = {
  graceHours: 2,
  tiers: [{ from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } }],
  noShow: { kind: 'first_night' },
  nonRefundable: false,
};

const ids: Record<string, string> = {};

/**
 * December, step by step:
 *  1 Dec 10:00  A: standard, phone, 1–3 Dec, 王芳 (a member from today): 2 × ¥400 = ¥800.
 *               B: suite, walk-in, 1–2 Dec, 李雷: ¥1,200, overridden to ¥1,000 (lina asks, chen approves at the desk).
 *               C: suite, phone, 10–12 Dec, strict plan, 李雷: 2 × ¥1,200, ¥1,200 deposit.
 *               D: standard, phone, 1–2 Dec, 李雷: never comes.
 *               A and B check in; five lake-boat tickets at ¥50 (three for 1 Dec, two for 2 Dec), two admitted.
 *               lina tries to add staff: refused (permission).
 *  2 Dec 00:05  chen's night audit closes 1 Dec: D is a no-show.
 *  2 Dec 10:00  B pays ¥1,000 and checks out. E: standard, phone, 20–22 Dec, 李雷, made and cancelled (free).
 *  3 Dec 00:05  chen's night audit closes 2 Dec.
 *  3 Dec 10:00  A pays ¥800 and checks out: 800 points.
 *  9 Dec 18:00  C is cancelled: first night ¥1,200 due; the penalty is waived to ¥600 (chen approves).
 * 15 Dec 09:00  six wrong passwords for lina: the fifth locks her out, the sixth is refused by the lock.
 * 20 Dec 10:00  zhao (supervisor) asks to export the guest list, a director's call; chen authorises it
 *               at once as an emergency: paperwork due 23 Dec 10:00, never done.
 * 16 Dec        complaints (see the satisfaction test).
 */
async function december() {
  desk = await openDesk();
  desk.clock.advanceMinutes(5 * 24 * 60); // 1 Dec 10:00
  hotel = await openHotel(desk);
  await signIn(desk, 'admin', ADMIN.password);
  await addStaff(desk, 'zhao', 'supervisor');
  const strict = await desk.call('ratePlans.save', {
    code: 'STRICT',
    name: '限时取消价',
    channels: ['walk_in', 'phone'],
    prices: [],
    cancellationPolicy: STRICT,
  });
  const lake = await desk.call('ticketProducts.save', {
    code: 'LAKE',
    name: '西湖游船',
    priceFen: 5_000,
    slots: [{ startTime: '09:00', endTime: '11:00', capacity: 10 }],
  });
  await signIn(desk, 'lina');
  const li = await desk.call('guests.create', { name: '李雷', phone: '13900001111' });
  await desk.call('members.enrol', { guestId: hotel.guest });
  const book = (
    guestId: string,
    roomTypeId: string,
    channel: 'phone' | 'walk_in',
    arrival: string,
    departure: string,
  ) => desk.call('bookings.create', { guestId, channel, arrival, departure, roomTypeId, adults: 1 });
  const a = await book(hotel.guest, hotel.standard, 'phone', '2026-12-01', '2026-12-03');
  const b = await book(li.id, hotel.suite, 'walk_in', '2026-12-01', '2026-12-02');
  await overrideApprovedAtDesk(desk, b.id, 100_000);
  const c = await desk.call('bookings.create', {
    guestId: li.id,
    channel: 'phone',
    arrival: '2026-12-10',
    departure: '2026-12-12',
    roomTypeId: hotel.suite,
    ratePlanId: strict.id,
    adults: 1,
  });
  await desk.call('payments.record', { bookingId: c.id, kind: 'deposit', method: 'card', amountFen: 120_000 });
  const d = await book(li.id, hotel.standard, 'phone', '2026-12-01', '2026-12-02');
  await desk.call('frontDesk.checkIn', { bookingId: a.id, roomId: hotel.rooms['301']! });
  await desk.call('frontDesk.checkIn', { bookingId: b.id, roomId: hotel.rooms['501']! });
  const visitor = (n: number) => ({
    name: `游客${n}`,
    idType: 'id_card' as const,
    idNumber: `33010219900101${1000 + n}`,
  });
  const slotId = lake.slots[0]!.id;
  const first = await desk.call('tickets.sell', {
    productId: lake.id,
    slotId,
    visitDate: '2026-12-01',
    visitors: [visitor(1), visitor(2), visitor(3)],
  });
  await desk.call('tickets.sell', {
    productId: lake.id,
    slotId,
    visitDate: '2026-12-02',
    visitors: [visitor(4), visitor(5)],
  });
  await desk.call('tickets.redeem', { orderId: first.id, visitorIds: first.visitors.slice(0, 2).map((v) => v.id) });
  await desk.fail('staff.create', { username: 'ghost', displayName: 'ghost', role: 'admin', password: 'ghost-pass-1' });

  await at('2 00:05', 'chen');
  await desk.call('nightAudit.roll', { closingDate: '2026-12-01' });
  await at('2 10:00', 'lina');
  await desk.call('payments.record', { bookingId: b.id, kind: 'payment', method: 'cash', amountFen: 100_000 });
  await desk.call('frontDesk.checkOut', { bookingId: b.id });
  const e = await book(li.id, hotel.standard, 'phone', '2026-12-20', '2026-12-22');
  await desk.call('bookings.cancel', { id: e.id, reason: 'change_of_plans', note: '', refundMethod: 'cash' });
  await at('3 00:05', 'chen');
  await desk.call('nightAudit.roll', { closingDate: '2026-12-02' });
  await at('3 10:00', 'lina');
  await desk.call('payments.record', { bookingId: a.id, kind: 'payment', method: 'wechat', amountFen: 80_000 });
  await desk.call('frontDesk.checkOut', { bookingId: a.id });

  await at('9 18:00', 'lina');
  const cancelled = await desk.call('bookings.cancel', {
    id: c.id,
    reason: 'guest_request',
    note: '',
    refundMethod: 'card',
  });
  const waiver = { cancellationId: cancelled.id, penaltyFen: 60_000, reason: '老客户，减半' };
  const request = await desk.call('approvals.request', {
    operation: 'cancellations.waive',
    input: waiver,
    reason: '老客户',
  });
  await desk.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });

  await at('15 09:00', 'chen');
  for (let i = 0; i < 6; i++) await desk.fail('auth.signIn', { username: 'lina', password: 'wrong-pass-1' });

  await at('20 10:00', 'zhao');
  const exportRequest = await desk.call('approvals.request', {
    operation: 'guests.export',
    input: { query: '' },
    reason: '消防疏散名单',
  });
  await signIn(desk, 'chen');
  await desk.call('approvals.decide', {
    requestId: exportRequest.id,
    decision: 'approve',
    emergency: true,
    comment: '紧急',
  });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, cancellation: cancelled.id });
}

async function report(
  kind: 'operations' | 'risk' | 'satisfaction',
  extra: { samplePercent?: number; seed?: string } = {},
) {
  await at('31 12:00', 'chen');
  return desk.call('reports.monthly', { kind, month: '2026-12', ...extra });
}

const sectionOf = (doc: ReportDocument, id: string): ReportSection => doc.sections.find((s) => s.id === id)!;
const figures = (doc: ReportDocument, id: string): Record<string, ReportValue> =>
  Object.fromEntries(sectionOf(doc, id).figures.map((f) => [f.key, f.value]));
const table = (doc: ReportDocument, sectionId: string, tableId: string) =>
  sectionOf(doc, sectionId).tables.find((t) => t.id === tableId)!;
const count = (value: number) => ({ kind: 'count', value });
const money = (fen: number) => ({ kind: 'money', fen });
const rate = (value: number | null) => ({ kind: 'rate', value });

afterEach(() => desk?.close());

describe('the monthly operations report', () => {
  it('counts December’s rooms, rates, channels, arrivals, tickets and members as worked out by hand', async () => {
    await december();
    const doc = await report('operations');
    expect(doc).toMatchObject({
      kind: 'operations',
      period: '2026-12',
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      property: { name: '西湖宾馆', timeZone: 'Asia/Shanghai', currency: 'CNY' },
      dataAsOf: null, // never synced
      generatedBy: 'chen',
    });

    // Available: 3 rooms × 31 nights = 93. Sold: A's 1 and 2 Dec (¥400 each), B's 1 Dec (¥1,000) = 3, ¥1,800.
    // D was a no-show, C and E were cancelled: not rooms sold.
    // Occupancy 3 ÷ 93; ADR ¥1,800 ÷ 3 = ¥600; RevPAR ¥1,800 ÷ 93 = ¥19.354… → 1,935 fen.
    expect(figures(doc, 'monthlyRooms')).toEqual({
      roomNightsAvailable: count(93),
      roomNightsSold: count(3),
      occupancy: rate(3 / 93),
      adr: money(60_000),
      revpar: money(1_935),
      roomRevenue: money(180_000),
    });
    const byDay = table(doc, 'monthlyRooms', 'occupancyByDay');
    expect(byDay.rows).toHaveLength(31);
    expect(byDay.chart).toEqual({ kind: 'line', x: 'date', series: ['occupancy'] });
    // 1 Dec: A and B, ¥400 + ¥1,000: occupancy 2 ÷ 3, ADR ¥700, RevPAR ¥1,400 ÷ 3 = 46,666.7 → 46,667 fen.
    expect(byDay.rows[0]).toMatchObject({
      date: { kind: 'date', value: '2026-12-01' },
      available: count(3),
      sold: count(2),
      occupancy: rate(2 / 3),
      adr: money(70_000),
      revpar: money(46_667),
    });
    // 2 Dec: A only: 1 ÷ 3, ADR ¥400, RevPAR 13,333 fen. 3 Dec: nothing sold, no ADR.
    expect(byDay.rows[1]).toMatchObject({
      sold: count(1),
      occupancy: rate(1 / 3),
      adr: money(40_000),
      revpar: money(13_333),
    });
    expect(byDay.rows[2]).toMatchObject({ sold: count(0), occupancy: rate(0), adr: { kind: 'number', value: null } });
    expect(table(doc, 'monthlyRooms', 'ratesByDay').chart).toEqual({
      kind: 'line',
      x: 'date',
      series: ['adr', 'revpar'],
    });

    // By room type: standard 62 available, 2 sold, ¥800; suite 31 available, 1 sold, ¥1,000.
    const byType = table(doc, 'monthlyRooms', 'byRoomType').rows;
    expect(byType.map((r) => [r.roomType, r.available, r.sold, r.revenue])).toEqual([
      [{ kind: 'text', value: 'STD 标准间' }, count(62), count(2), money(80_000)],
      [{ kind: 'text', value: 'STE 套房' }, count(31), count(1), money(100_000)],
    ]);
    expect(byType[1]!.occupancy).toEqual(rate(1 / 31));

    // Channel mix: nights sold phone 2 (A, ¥800), walk-in 1 (B, ¥1,000); made in December: phone A C D E, walk-in B.
    const mix = table(doc, 'monthlyChannels', 'channelMix');
    expect(mix.chart).toEqual({ kind: 'bar', x: 'channel', series: ['roomNights'] });
    const channel = (key: string) =>
      mix.rows.find((r) => (r.channel as { key: string }).key === `desk.channels.${key}`)!;
    expect(channel('phone')).toMatchObject({
      bookingsMade: count(4),
      roomNights: count(2),
      share: rate(2 / 3),
      revenue: money(80_000),
    });
    expect(channel('walk_in')).toMatchObject({
      bookingsMade: count(1),
      roomNights: count(1),
      share: rate(1 / 3),
      revenue: money(100_000),
    });
    expect(channel('ota')).toMatchObject({ bookingsMade: count(0), roomNights: count(0), share: rate(0) });

    // Due in December: A, B (honoured), C, E (cancelled), D (no-show) = 5. Cancellation rate 2 ÷ 5,
    // no-show rate 1 ÷ (5 − 2), booking success 2 ÷ (2 + 2 + 1) = 40%, below the 95% target.
    // The same five were made in December: conversion 2 ÷ 5.
    expect(figures(doc, 'monthlyBookings')).toEqual({
      arrivalsDue: count(5),
      honoured: count(2),
      cancellations: count(2),
      cancellationRate: rate(0.4),
      noShows: count(1),
      noShowRate: rate(1 / 3),
      bookingSuccessRate: rate(0.4),
      bookingSuccessTarget: rate(0.95),
      bookingsMade: count(5),
      bookingConversion: rate(0.4),
    });
    expect(sectionOf(doc, 'monthlyBookings').notes).toEqual([{ key: 'belowSuccessTarget', params: { target: 95 } }]);

    // Tickets: 5 sold at ¥50 = ¥250, 2 admitted; capacity 10 a day × 31 days = 310; utilisation 5 ÷ 310.
    expect(figures(doc, 'monthlyTickets')).toEqual({
      ticketsSold: count(5),
      ticketRevenue: money(25_000),
      slotUtilisation: rate(5 / 310),
    });
    expect(table(doc, 'monthlyTickets', 'ticketsBySlot').rows).toEqual([
      {
        slot: { kind: 'text', value: 'LAKE 西湖游船 09:00–11:00' },
        orders: count(2),
        tickets: count(5),
        admitted: count(2),
        revenue: money(25_000),
        capacity: count(310),
        utilisation: rate(5 / 310),
      },
    ]);

    // Members: A's 2 of the 3 nights sold were a member's; 王芳 joined in December; A's ¥800 earned 800 points.
    expect(figures(doc, 'monthlyMembers')).toMatchObject({
      memberRoomNights: count(2),
      memberShare: rate(2 / 3),
      membersJoined: count(1),
      pointsEarned: count(800),
      pointsRedeemed: count(0),
    });
  });
});

describe('the monthly risk report', () => {
  it('lists the override and the waiver, the refusal and the lock-out, approvals by tier, and a reproducible audit sample', async () => {
    await december();
    const doc = await report('risk');
    expect(doc.kind).toBe('risk');

    // B: ¥1,200 → ¥1,000 by lina, approved in person.
    expect(figures(doc, 'riskOverrides')).toEqual({ priceOverrides: count(1), overrideReduction: money(20_000) });
    expect(table(doc, 'riskOverrides', 'priceOverrides').rows).toEqual([
      expect.objectContaining({
        before: money(120_000),
        after: money(100_000),
        difference: money(-20_000),
        staff: { kind: 'text', value: 'lina' },
        authorisation: { kind: 'label', key: 'reports.labels.auth_in_person' },
      }),
    ]);
    // C's first-night penalty ¥1,200 waived to ¥600.
    expect(figures(doc, 'riskWaivers')).toEqual({ penaltyWaivers: count(1), penaltyWaived: money(60_000) });
    expect(table(doc, 'riskWaivers', 'penaltyWaivers').rows).toEqual([
      expect.objectContaining({
        before: money(120_000),
        after: money(60_000),
        waived: money(60_000),
        reason: { kind: 'text', value: '老客户，减半' },
      }),
    ]);
    // The export authorised in an emergency on 20 Dec: its paperwork was due 23 Dec and is still not done.
    expect(figures(doc, 'riskEmergency')).toEqual({
      emergencyAuthorisations: count(1),
      paperworkOnTime: count(0),
      paperworkLate: count(0),
      paperworkOverdue: count(1),
      paperworkOpen: count(0),
    });
    expect(table(doc, 'riskEmergency', 'emergencyAuthorisations').rows).toEqual([
      expect.objectContaining({
        at: { kind: 'instant', value: '2026-12-20T02:00:00.000Z' },
        operation: { kind: 'label', key: 'operations.guests.export' },
        requester: { kind: 'text', value: 'zhao' },
        paperworkDue: { kind: 'instant', value: '2026-12-23T02:00:00.000Z' },
        paperwork: { kind: 'label', key: 'reports.labels.paperwork_overdue' },
      }),
    ]);
    expect(figures(doc, 'riskOverbooking')).toEqual({ overbookings: count(0), syncConflicts: count(0) });

    // lina's refused staff.create; the fifth and sixth wrong passwords answered ACCOUNT_LOCKED, one account.
    expect(figures(doc, 'riskAccess')).toEqual({
      deniedOperations: count(1),
      lockoutRefusals: count(2),
      lockedAccounts: count(1),
    });
    expect(table(doc, 'riskAccess', 'deniedOperations').rows).toEqual([
      { operation: { kind: 'label', key: 'operations.staff.create' }, denied: count(1) },
    ]);

    // Three requests, all approved by chen (a supervisor) at once: turnaround 0 hours.
    expect(table(doc, 'riskApprovals', 'approvalsByTier').rows).toEqual([
      expect.objectContaining({
        tier: { kind: 'label', key: 'roles.supervisor' },
        requested: count(3),
        executed: count(3),
        rejected: count(0),
        medianHours: { kind: 'number', value: 0, digits: 1 },
      }),
    ]);

    // Sensitive operations of December (named by the approval policy): the override, the waiver,
    // the two night audits and the export. 5% of 5, rounded up: 1. The default seed is the property's id and the month.
    const property = await desk.services.db.selectFrom('property').select('id').executeTakeFirstOrThrow();
    const sample = figures(doc, 'riskAuditSample');
    expect(sample).toEqual({
      sensitiveOperations: count(5),
      samplePercent: { kind: 'number', value: 5, digits: 0 },
      sampleSize: count(1),
      sampleSeed: { kind: 'text', value: `${property.id}:2026-12` },
    });

    // The picks are the entries with the lowest SHA-256(seed, entry id), worked out here apart from the service.
    const sensitive = await desk.services.db
      .selectFrom('audit_log')
      .select(['id', 'operation'])
      .where('operation', 'in', ['bookings.overridePrice', 'cancellations.waive', 'nightAudit.roll', 'guests.export'])
      .where('outcome', '=', 'ok')
      .execute();
    expect(sensitive).toHaveLength(5);
    const lowest = (seed: string, k: number) =>
      sensitive
        .map((e) => ({ id: e.id, draw: createHash('sha256').update(`${seed}\n${e.id}`).digest('hex') }))
        .sort((x, y) => (x.draw < y.draw ? -1 : 1))
        .slice(0, k)
        .map((e) => e.id)
        .sort();
    const picked = (d: ReportDocument) =>
      table(d, 'riskAuditSample', 'auditSample')
        .rows.map((r) => (r.auditEntry as { value: string }).value)
        .sort();
    expect(picked(doc)).toEqual(lowest(`${property.id}:2026-12`, 1));

    // 50% of 5, rounded up: 3. The same seed picks the same entries; another seed picks its own lowest draws (it may or may not differ).
    const half = await report('risk', { samplePercent: 50, seed: 'audit-2027-q1' });
    const again = await report('risk', { samplePercent: 50, seed: 'audit-2027-q1' });
    expect(picked(half)).toHaveLength(3);
    expect(picked(again)).toEqual(picked(half));
    expect(picked(half)).toEqual(lowest('audit-2027-q1', 3));
    const other = await report('risk', { samplePercent: 50, seed: 'another-seed' });
    expect(picked(other)).toEqual(lowest('another-seed', 3));
    expect(figures(other, 'riskAuditSample').sampleSeed).toEqual({ kind: 'text', value: 'another-seed' });
    const row = table(half, 'riskAuditSample', 'auditSample').rows.find(
      (r) => (r.operation as { key: string }).key === 'operations.cancellations.waive',
    );
    if (row) expect(row.staff).toEqual({ kind: 'text', value: 'lina' });
  });
});

describe('the monthly satisfaction report', () => {
  it('counts complaints by category and severity and takes the measures from the complaints screen', async () => {
    await december();
    // 16 Dec: three complaints by lina — two about the room (one resolved by her at once: first
    // contact), one major about noise, responded to only.
    await at('16 09:00', 'lina');
    const open = (category: string, severity: 'general' | 'major') =>
      desk.call('complaints.open', { channel: 'in_person', category, severity, description: '投诉' });
    const first = await open('room', 'general');
    await open('room', 'general');
    const noise = await open('noise', 'major');
    await at('16 09:30', 'lina');
    await desk.call('complaints.resolve', { id: first.id, note: '已换房' });
    await desk.call('complaints.respond', { id: noise.id, note: '已致歉' });

    const doc = await report('satisfaction');
    const measures = await complaintMeasures(
      desk.services.db,
      { from: '2026-12-01', to: '2026-12-31' },
      desk.clock.now(),
    );
    // Opened 3, resolved 1, resolved at first contact 1 of 1.
    expect(figures(doc, 'satisfactionMeasures')).toMatchObject({
      complaintsOpened: count(3),
      complaintsResolved: count(1),
      firstContactResolutionRate: rate(1),
      withinTargetRate: rate(measures.withinTargetRate),
      callbacksWithin24hRate: rate(measures.callbacksWithin24hRate),
      satisfactionScore: { kind: 'number', value: measures.satisfactionScore, digits: 2 },
    });
    const byCategory = table(doc, 'satisfactionComplaints', 'complaintsByCategory');
    expect(byCategory.chart).toEqual({ kind: 'bar', x: 'category', series: ['total'] });
    expect(byCategory.rows).toEqual([
      {
        category: { kind: 'text', value: '客房' },
        general: count(2),
        major: count(0),
        group: count(0),
        total: count(2),
      },
      {
        category: { kind: 'text', value: '噪音' },
        general: count(0),
        major: count(1),
        group: count(0),
        total: count(1),
      },
    ]);
    expect(table(doc, 'satisfactionComplaints', 'complaintsBySeverity').rows.map((r) => r.complaints)).toEqual([
      count(2),
      count(1),
      count(0),
    ]);
  });
});
