/**
 * The row schemas against real desks: they hold exactly the columns a freshly migrated desk sends
 * of each synced table, and every row the demo seeding and the desk's own handlers write fits them.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Effect } from '@shared/sync/protocol';
import type { ConflictRow } from '@shared/sync/conflicts';
import { ROW_SCHEMAS, rowSchema, validateRow } from '@shared/sync/row-schemas';
import { rowKey, SYNCED_TABLES, syncedTable, wireRow, type SyncRow } from '@shared/sync/tables';
import { isoWeek } from '@shared/time';
import type { CancellationPolicy } from '@shared/rules/cancellation';
import { openDatabase, type OpenedDatabase } from '../../src-main/db/connection';
import { seedDemo } from '../../src-main/services/demo/seed';
import { addStaff, ADMIN, closeBusinessDayEarly, openDesk, signIn, tempDir, type Desk } from './desk';
import { openHotel } from './hotel';
import { addContract, upload } from './archive-files';

const TABLES = Object.keys(SYNCED_TABLES);

interface Refusal {
  table: string;
  key: string;
  column: string | null;
  problem: string;
}

/** Every row of every synced table as the desk would send it, with its table. */
function wireRows(sqlite: BetterSqlite3.Database): { table: string; row: SyncRow }[] {
  return TABLES.flatMap((table) =>
    (sqlite.prepare(`SELECT * FROM ${table}`).all() as SyncRow[])
      .filter((row) => !syncedTable(table).localRow?.(row))
      .map((row) => ({ table, row: wireRow(table, row) })),
  );
}

/** The effects the desk queued in its outbox: what it actually pushes. */
function queuedEffects(sqlite: BetterSqlite3.Database): Effect[] {
  return (sqlite.prepare('SELECT effects_json FROM outbox ORDER BY seq').all() as { effects_json: string }[]).flatMap(
    (entry) => JSON.parse(entry.effects_json) as Effect[],
  );
}

function refusals(rows: readonly { table: string; row: SyncRow | null }[]): Refusal[] {
  const out: Refusal[] = [];
  for (const { table, row } of rows) {
    if (row === null) continue;
    const check = validateRow(table, row);
    if (!check.ok) out.push({ table, key: rowKey(table, row), column: check.column, problem: check.problem });
  }
  return out;
}

function tablesWithRows(rows: readonly { table: string }[]): string[] {
  return [...new Set(rows.map((r) => r.table))].sort();
}

describe('the row schemas and the desk database', () => {
  let opened: OpenedDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    opened = await openDatabase(dir);
  });
  afterAll(async () => {
    await opened.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has one schema for every synced table and none for any other', () => {
    expect(Object.keys(ROW_SCHEMAS).sort()).toEqual([...TABLES].sort());
  });

  it.each(TABLES)(
    '%s: the schema holds exactly the columns a migrated desk sends (its columns less the desk-only ones)',
    (table) => {
      const columns = (opened.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      expect(columns.length).toBeGreaterThan(0);
      const local = syncedTable(table).local ?? [];
      expect(Object.keys(rowSchema(table).shape).sort()).toEqual(columns.filter((c) => !local.includes(c)).sort());
    },
  );
});

describe('rows real desks write', () => {
  let desk: Desk | undefined;
  afterEach(async () => {
    if (!desk) return;
    await desk.close();
    fs.rmSync(desk.dataDir, { recursive: true, force: true });
    desk = undefined;
  });
  /** A desk in a fresh temporary folder, closed and removed after the test. */
  async function freshDesk(): Promise<Desk> {
    desk = await openDesk();
    return desk;
  }

  it('every row of the demo hotel fits its schema', async () => {
    const demo = await freshDesk();
    await seedDemo(demo.services, { guests: 60 });
    const rows = wireRows(demo.services.sqlite);
    expect(refusals(rows)).toEqual([]);
    expect(refusals(queuedEffects(demo.services.sqlite))).toEqual([]);
    expect(tablesWithRows(rows)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'booking',
        'booking_night',
        'guest',
        'property',
        'rate_plan',
        'rate_plan_price',
        'role_permission',
        'room',
        'room_type',
        'staff',
        'ticket_product',
        'ticket_slot',
      ]),
    );
  });

  it(
    'every row written by a day of real operations fits its schema, in every synced table',
    { timeout: 60_000 },
    async () => {
      const day = await freshDesk();
      await runADay(day);
      const rows = wireRows(day.services.sqlite);
      expect(refusals(rows)).toEqual([]);
      expect(refusals(queuedEffects(day.services.sqlite))).toEqual([]);
      expect(tablesWithRows(rows)).toEqual([...TABLES].sort());
    },
  );
});

/** 2 hours' grace; from 18:00 the day before arrival the first night; no-show the first night. */
const STRICT: CancellationPolicy = {
  graceHours: 2,
  tiers: [{ from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } }],
  noShow: { kind: 'first_night' },
  nonRefundable: false,
};

/**
 * A day at the small test hotel (the clock starts at 10:00 on 2026-11-26 in Shanghai): setup by
 * the admin, guests and members, stays booked, changed, paid, checked in and out, cancelled with
 * and without a waiver, points adjusted, redeemed and given back, tickets sold, redeemed and
 * cancelled, approvals granted, rejected and authorised in an emergency, a conflict from the
 * server resolved, the night audit with a no-show and the closed date's daily report submitted.
 */
async function runADay(desk: Desk): Promise<void> {
  const hotel = await openHotel(desk);
  const call = desk.call.bind(desk);
  const approveAtDesk = (requestId: string) =>
    call('approvals.approveAtDesk', { requestId, username: 'chen', password: 'chen-pass-1', comment: '已核实' });

  await signIn(desk, ADMIN.username, ADMIN.password);
  await call('property.update', {
    name: '西湖宾馆',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    idleLockMinutes: 240,
    maxStayNights: 120,
  });
  await addStaff(desk, 'zhao', 'supervisor');
  await call('permissions.set', { role: 'service_rep', permission: 'audit.view', granted: true });
  const policy = await call('approvals.policy');
  await call('approvals.setPolicy', { rules: policy.rules, tiers: policy.tiers, paperworkDays: 5 });
  const strict = (
    await call('ratePlans.save', {
      code: 'STRICT',
      name: '限时取消价',
      channels: ['walk_in', 'phone'],
      prices: [],
      cancellationPolicy: STRICT,
    })
  ).id;
  await call('closedDates.set', { date: '2026-12-24', closed: true, reason: '包场' });
  const boat = await call('ticketProducts.save', {
    code: 'BOAT',
    name: '游船',
    priceFen: 5_000,
    slots: [{ startTime: '16:00', endTime: '17:00', capacity: 10 }],
    cancellationPolicy: {
      graceHours: null,
      tiers: [{ from: { kind: 'minutes_before', minutes: 10 }, penalty: { kind: 'percent', percent: 100 } }],
      noShow: { kind: 'percent', percent: 100 },
      nonRefundable: false,
    },
  });
  await call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'vacant_dirty' });
  await call('complaints.correctCalendar', { date: '2026-12-31', working: false, note: '年终盘点' });
  await call('complaints.setTarget', {
    severity: 'major',
    respond: { amount: 12, unit: 'hours' },
    resolve: { amount: 3, unit: 'working_days' },
  });

  await signIn(desk, 'lina');
  await call('guests.create', {
    name: 'John Smith',
    phone: '+86 138-0000-0000',
    email: 'john@example.com',
    idType: 'passport',
    idNumber: 'E12345678',
    segment: 'business',
    preferences: '高楼层',
    specialNeeds: '无烟房',
  });
  await call('guests.update', {
    id: hotel.guest,
    name: '王芳',
    phone: '13812345678',
    preferences: '安静',
    specialNeeds: '',
  });
  const member = await call('members.enrol', { guestId: hotel.guest, cardNo: 'VIP-8888', birthday: '1990-11-28' });
  const adjust = await call('approvals.request', {
    operation: 'members.adjust',
    input: { memberId: member.id, points: 5_000, note: '开业赠送' },
    reason: '开业活动',
  });
  await approveAtDesk(adjust.id);
  await call('members.tickCare', { memberId: member.id, kind: 'birthday', period: isoWeek('2026-11-26').key });

  // A stay tonight: checked in now, paid, checked out after the night audit (earning points).
  const stay = await call('bookings.create', {
    guestId: hotel.guest,
    channel: 'walk_in',
    arrival: '2026-11-26',
    departure: '2026-11-27',
    roomTypeId: hotel.suite,
    adults: 1,
  });
  await call('frontDesk.checkIn', { bookingId: stay.id, roomId: hotel.rooms['501']! });
  await call('payments.record', {
    bookingId: stay.id,
    kind: 'payment',
    method: 'wechat',
    amountFen: stay.totalFen,
    reference: 'WX-0001',
  });
  // A complaint about the stay, from opening to closing.
  const complaint = await call('complaints.open', {
    channel: 'phone',
    category: 'noise',
    severity: 'general',
    guestId: hotel.guest,
    bookingId: stay.id,
    description: '走廊施工噪音',
    expectation: '换房',
  });
  await call('complaints.respond', { id: complaint.id, note: '已致歉' });
  await call('complaints.resolve', { id: complaint.id, note: '已换房' });
  await call('complaints.close', { id: complaint.id, note: '客人满意' });
  // A group complaint: its plan, a step ticked, a wait on the guests, a voucher approved at the
  // desk, resolved; the call-back its resolution scheduled, made.
  const group = await call('complaints.open', {
    channel: 'in_person',
    category: 'food',
    severity: 'group',
    guestId: hotel.guest,
    bookingId: stay.id,
    description: '旅行团早餐后多人不适',
  });
  await call('complaints.tickPlan', { id: group.id, itemId: group.plan[0]!.id });
  await call('complaints.pause', { id: group.id, note: '等待客人提供就诊记录' });
  await call('complaints.resume', { id: group.id });
  const voucher = await call('approvals.request', {
    operation: 'complaints.compensate',
    input: { id: group.id, kind: 'voucher', amountFen: 20_000, note: '餐饮代金券' },
    reason: '群体投诉补偿',
  });
  await approveAtDesk(voucher.id);
  await call('complaints.resolve', { id: group.id, note: '已赔付并致歉' });
  const [callback] = await call('callbacks.list', { view: 'open' });
  await call('callbacks.record', { id: callback!.id, outcome: 'reached', score: 4, words: '处理及时' });
  // One who never comes: a no-show at the night audit.
  await call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival: '2026-11-26',
    departure: '2026-11-28',
    roomTypeId: hotel.standard,
    ratePlanId: strict,
    adults: 1,
  });
  // Points redeemed on a booking that is then cancelled within its grace: points and money go back.
  const redeemed = await call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival: '2026-11-27',
    departure: '2026-11-29',
    roomTypeId: hotel.standard,
    ratePlanId: strict,
    adults: 1,
    children: 1,
    guarantee: 'deposit',
  });
  await call('payments.record', { bookingId: redeemed.id, kind: 'deposit', method: 'card', amountFen: 20_000 });
  await call('members.redeem', { memberId: member.id, bookingId: redeemed.id, points: 3_000 });
  await call('bookings.cancel', { id: redeemed.id, reason: 'change_of_plans', note: '行程变更', refundMethod: 'card' });
  // A change with the guest's written authorisation, then a price override held for approval.
  const changed = await call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival: '2026-12-01',
    departure: '2026-12-03',
    roomTypeId: hotel.standard,
    ratePlanId: hotel.plan,
    adults: 1,
    specialRequests: '高楼层',
  });
  const authorisation = { method: 'signed_form', reference: 'F-2026-001' } as const;
  await call('bookings.change', {
    id: changed.id,
    arrival: '2026-12-01',
    departure: '2026-12-04',
    roomTypeId: hotel.standard,
    ratePlanId: hotel.plan,
    adults: 2,
    children: 0,
    specialRequests: '高楼层，安静',
    authorisation,
  });
  const override = await call('approvals.request', {
    operation: 'bookings.overridePrice',
    input: { id: changed.id, nightlyFen: 30_000, authorisation },
    reason: '老客户优惠',
  });
  await approveAtDesk(override.id);
  // Tickets: one order sold and half redeemed, another cancelled.
  const slot = boat.slots[0]!.id;
  const order = await call('tickets.sell', {
    productId: boat.id,
    slotId: slot,
    visitDate: '2026-11-26',
    visitors: [
      { name: '王芳', idType: 'id_card', idNumber: '330102199001011234' },
      { name: 'John Smith', idType: 'passport', idNumber: 'E12345678' },
    ],
  });
  await call('tickets.redeem', { orderId: order.id, visitorIds: [order.visitors[0]!.id] });
  const other = await call('tickets.sell', {
    productId: boat.id,
    slotId: slot,
    visitDate: '2026-11-27',
    visitors: [{ name: '李伟', idType: 'id_card', idNumber: '31010419851202567X' }],
  });
  await call('tickets.cancel', { orderId: other.id, reason: 'weather', refundMethod: 'cash' });
  // A guest deleted on approval (a tombstone), another deletion rejected from the queue.
  const temporary = await call('guests.create', { name: '临时客人', temporary: true });
  await approveAtDesk(
    (await call('approvals.request', { operation: 'guests.delete', input: { id: temporary.id }, reason: '重复档案' }))
      .id,
  );
  const refused = await call('approvals.request', {
    operation: 'guests.delete',
    input: { id: hotel.guest },
    reason: '客人要求',
  });
  // An export a supervisor asks for, authorised by another in an emergency, its paperwork then done.
  await signIn(desk, 'zhao');
  const exported = await call('approvals.request', {
    operation: 'guests.export',
    input: { query: '' },
    reason: '消防疏散名单',
  });

  await signIn(desk, 'chen');
  await call('approvals.decide', { requestId: refused.id, decision: 'reject', comment: '仍有在住预订' });
  await call('approvals.decide', { requestId: exported.id, decision: 'approve', emergency: true, comment: '紧急疏散' });
  await call('approvals.completePaperwork', { requestId: exported.id, note: '书面审批已补' });
  // A conflict as the server raises it (pulled onto this desk), accepted by a supervisor.
  const at = desk.clock.now().toISOString();
  const conflict: ConflictRow = {
    id: uuidv7(),
    kind: 'room_inventory',
    subject_type: 'booking',
    subject_id: changed.id,
    detail_json: JSON.stringify({ night: '2026-12-01', roomTypeId: hotel.standard, rooms: 2, sold: 3 }),
    device_id: uuidv7(),
    status: 'open',
    resolution: null,
    resolution_note: null,
    resolved_by: null,
    resolved_by_name: null,
    resolved_at: null,
    created_at: at,
    updated_at: at,
    server_version: 7,
  };
  await desk.services.db.insertInto('sync_conflict').values(conflict).execute();
  await call('conflicts.resolve', { id: conflict.id, resolution: 'accept', note: '客人同意次日升级' });
  await closeBusinessDayEarly(desk);
  // The closed date's daily report, signed off by the supervisor who closed it.
  await call('reports.submit', { kind: 'daily', period: '2026-11-26' });
  await call('members.reevaluate');
  // The archive: the guest's written authorisation attached to the stay; a contract filed by the
  // admin, its plaintext download allowed on a second reviewer's word and used by the director.
  await signIn(desk, 'lina');
  const signedForm = await upload(desk, 'customer', Buffer.from('授权书'), {
    fileName: 'authorisation.png',
    mediaType: 'image/png',
  });
  await call('archive.attach', {
    uploadId: signedForm,
    subjectType: 'booking',
    subjectId: stay.id,
    title: '改期授权书',
  });
  await signIn(desk, ADMIN.username, ADMIN.password);
  await addStaff(desk, 'zhou', 'director');
  const contract = await addContract(desk, 'HT2026-001', Buffer.from('%PDF-1.4 合同'));
  await signIn(desk, 'zhou');
  const download = await call('approvals.request', {
    operation: 'archive.allowDownload',
    input: { fileId: contract.latest.id, reason: '外部审计' },
    reason: '外部审计取证',
  });
  await approveAtDesk(download.id);
  await call('archive.download', { fileId: contract.latest.id });

  // A cancellation after the deadline, its penalty halved on approval.
  desk.clock.advanceMinutes(8 * 60);
  await signIn(desk, 'lina');
  await call('frontDesk.checkOut', { bookingId: stay.id });
  const late = await call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival: '2026-11-28',
    departure: '2026-11-29',
    roomTypeId: hotel.suite,
    ratePlanId: strict,
    adults: 1,
  });
  await call('payments.record', { bookingId: late.id, kind: 'deposit', method: 'card', amountFen: 120_000 });
  desk.clock.advanceMinutes(24 * 60);
  await signIn(desk, 'lina');
  const cancelled = await call('bookings.cancel', {
    id: late.id,
    reason: 'guest_request',
    note: '',
    refundMethod: 'card',
  });
  const waiver = await call('approvals.request', {
    operation: 'cancellations.waive',
    input: { cancellationId: cancelled.id, penaltyFen: cancelled.penaltyFen / 2, reason: '老客户，减半' },
    reason: '老客户',
  });
  await approveAtDesk(waiver.id);
}
