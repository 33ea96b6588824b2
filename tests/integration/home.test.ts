/**
 * The home screen's query on a small hotel (301 and 302 standard, 501 suite), with every count
 * worked out by hand from the day built below:
 *
 * - 11-26: 赵六 stays one night in 302 and leaves (his first stay: a call-back due 11-27 10:00);
 *   李雷 checks in to 301 for one night. The night audit closes 11-26 the next morning.
 * - 11-27 11:00 (the business date): 王芳 is due in tonight for two nights (standard, not yet
 *   checked in); 韩梅梅 is booked into the suite 11-28 → 11-30; 302 is taken out of order.
 *   So: one arrival (王芳), one departure (李雷, due out today), one in house (李雷).
 * - Sellable rooms: 2 (302 out of order). Nights held: 11-27 王芳; 11-28 王芳 and 韩梅梅; 11-29 韩梅梅.
 * - lina opens a complaint; zhou opens a major one and offers it to lina; lina asks to delete a
 *   guest, which waits for a supervisor.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HomeToday } from '@shared/contract/home';
import { addStaff, openDesk, setUpDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;
const ids: Record<string, string> = {};

async function guest(name: string, phone: string) {
  return (await desk.call('guests.create', { name, phone })).id;
}

async function book(guestId: string, roomTypeId: string, arrival: string, departure: string) {
  return desk.call('bookings.create', { guestId, channel: 'phone', arrival, departure, roomTypeId, adults: 1 });
}

const complaint = (over: Record<string, unknown>) => ({
  channel: 'in_person' as const,
  category: 'noise',
  severity: 'general' as const,
  description: '隔壁房间深夜喧哗，无法入睡',
  ...over,
});

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await signIn(desk, 'admin', 'admin-pass-1');
  ids.zhou = (await addStaff(desk, 'zhou', 'service_rep')).id;
  ids.lina = (await desk.call('staff.list')).find((s) => s.username === 'lina')!.id;
  await signIn(desk, 'lina');

  // 11-26
  const zhao = await guest('赵六', '13900000004');
  const stay = await book(zhao, hotel.standard, '2026-11-26', '2026-11-27');
  await desk.call('frontDesk.checkIn', { bookingId: stay.id, roomId: hotel.rooms['302']! });
  await desk.call('payments.record', { bookingId: stay.id, kind: 'payment', method: 'cash', amountFen: stay.totalFen });
  await desk.call('frontDesk.checkOut', { bookingId: stay.id });
  const li = await guest('李雷', '13900000002');
  const staying = await book(li, hotel.standard, '2026-11-26', '2026-11-27');
  ids.staying = staying.number;
  await desk.call('frontDesk.checkIn', { bookingId: staying.id, roomId: hotel.rooms['301']! });

  // The next morning: the night audit closes 11-26.
  desk.clock.setTo('2026-11-27T03:00:00.000Z');
  await signIn(desk, 'chen');
  await desk.call('nightAudit.roll', { closingDate: '2026-11-26' });

  // 11-27
  await signIn(desk, 'lina');
  const arriving = await book(hotel.guest, hotel.standard, '2026-11-27', '2026-11-29');
  ids.arriving = arriving.number;
  const han = await guest('韩梅梅', '13900000003');
  await book(han, hotel.suite, '2026-11-28', '2026-11-30');
  await desk.call('housekeeping.setStatus', { roomId: hotel.rooms['302']!, status: 'out_of_order' });
  ids.own = (await desk.call('complaints.open', complaint({ guestId: hotel.guest }))).number;
  await desk.call('approvals.request', { operation: 'guests.delete', input: { id: zhao }, reason: '重复档案' });

  await signIn(desk, 'zhou');
  const major = await desk.call('complaints.open', complaint({ severity: 'major', guestId: li }));
  ids.offered = major.number;
  await desk.call('complaints.offerHandover', { id: major.id, toStaffId: ids.lina });
});
afterEach(() => desk.close());

const numbers = (items: { number: string }[]) => items.map((item) => item.number);

describe('an agent’s home', () => {
  it('lists today’s arrival and departure with the in-house count, the complaints and the call-back due', async () => {
    await signIn(desk, 'lina');
    const home: HomeToday = await desk.call('home.today');
    expect(home).toMatchObject({
      layout: 'desk',
      role: 'agent',
      businessDate: '2026-11-27',
      overview: null,
      house: null,
    });
    expect(home.desk!.arrivals.count).toBe(1);
    expect(numbers(home.desk!.arrivals.items)).toEqual([ids.arriving]);
    expect(home.desk!.departures.count).toBe(1);
    expect(numbers(home.desk!.departures.items)).toEqual([ids.staying]);
    expect(home.desk!.inHouse).toBe(1);

    // The hand-over offered to lina comes first, then her own complaint.
    expect(home.tasks!.complaints.count).toBe(2);
    expect(numbers(home.tasks!.complaints.items)).toEqual([ids.offered, ids.own]);
    expect(home.tasks!.offeredToMe).toBe(1);
    expect(home.tasks!.overdue).toBe(0);
    expect(home.tasks!.dueSoon).toBe(0);
    // 赵六's first-stay call-back falls due at 10:00 today.
    expect(home.tasks!.callbacks.count).toBe(1);
    expect(home.tasks!.callbacks.items[0]).toMatchObject({ guestName: '赵六', dueAt: '2026-11-27T02:00:00.000Z' });
    // Each row names its room type's id, so the screen can show the type's English name.
    expect(home.desk!.arrivals.items[0]!.roomTypeId).toBe(hotel.standard);
    expect(home.desk!.departures.items[0]!.roomTypeId).toBe(hotel.standard);
  });

  it('counts exactly what its links open: my complaints, today’s call-backs', async () => {
    await signIn(desk, 'lina');
    const home = await desk.call('home.today');
    const mine = await desk.call('complaints.list', { view: 'mine' });
    expect(mine.length).toBe(home.tasks!.complaints.count);
    const today = await desk.call('callbacks.list', { view: 'today' });
    expect(today.map((task) => task.id)).toEqual(home.tasks!.callbacks.items.map((task) => task.id));
    expect((await desk.call('complaints.counts')).callbacksDueToday).toBe(today.length);
    // 赵六 asks to be called again tomorrow: the task stays open but is no longer today's.
    await desk.call('callbacks.record', {
      id: today[0]!.id,
      outcome: 'call_again',
      callAgainAt: '2026-11-28T02:00:00.000Z',
    });
    expect((await desk.call('home.today')).tasks!.callbacks.count).toBe(0);
    expect(await desk.call('callbacks.list', { view: 'today' })).toEqual([]);
    expect((await desk.call('callbacks.list', { view: 'open' })).length).toBe(1);
    expect((await desk.call('complaints.counts')).callbacksDueToday).toBe(0);
  });

  it('follows the desk: once the arrival is checked in and the departure checked out, both lists are empty', async () => {
    await signIn(desk, 'lina');
    const before = await desk.call('home.today');
    const arriving = before.desk!.arrivals.items[0]!;
    const leaving = before.desk!.departures.items[0]!;
    await desk.call('payments.record', {
      bookingId: leaving.id,
      kind: 'payment',
      method: 'cash',
      amountFen: leaving.balanceFen,
    });
    await desk.call('frontDesk.checkOut', { bookingId: leaving.id });
    await desk.call('housekeeping.setStatus', { roomId: hotel.rooms['301']!, status: 'vacant_clean' });
    await desk.call('frontDesk.checkIn', { bookingId: arriving.id, roomId: hotel.rooms['301']! });
    const after = await desk.call('home.today');
    expect(after.desk).toEqual({
      arrivals: { count: 0, items: [] },
      departures: { count: 0, items: [] },
      inHouse: 1,
    });
  });
});

describe('a supervisor’s home', () => {
  it('shows occupancy night by night, the request to decide, the major complaint without a supervisor and the report due', async () => {
    await signIn(desk, 'chen');
    const home = await desk.call('home.today');
    expect(home).toMatchObject({ layout: 'manager', role: 'supervisor', house: null });
    const overview = home.overview!;
    expect(
      overview.occupancy!.map(({ night, sold, sellable, occupancy }) => [night, sold, sellable, occupancy]),
    ).toEqual([
      ['2026-11-27', 1, 2, 0.5],
      ['2026-11-28', 2, 2, 1],
      ['2026-11-29', 1, 2, 0.5],
      ['2026-11-30', 0, 2, 0],
      ['2026-12-01', 0, 2, 0],
      ['2026-12-02', 0, 2, 0],
      ['2026-12-03', 0, 2, 0],
      ['2026-12-04', 0, 2, 0],
    ]);
    expect(overview.approvals).toEqual({ toDecide: 1, overduePaperwork: 0 });
    expect(overview.openConflicts).toBe(0);
    // A supervisor waits for major complaints only: the link filters the "no supervisor yet" view to major.
    expect(overview.complaints).toEqual({ overdue: 0, dueSoon: 0, awaitingSupervisor: 1, awaitingSeverity: 'major' });
    const awaiting = await desk.call('complaints.list', { view: 'unassigned', severity: 'major' });
    expect(numbers(awaiting)).toEqual([ids.offered]);
    expect((await desk.call('approvals.list', { view: 'toDecide' })).length).toBe(overview.approvals!.toDecide);
    expect((await desk.call('approvals.list', { view: 'paperwork', overdueOnly: true })).length).toBe(0);
    expect((await desk.call('conflicts.list', { status: 'open' })).length).toBe(overview.openConflicts);
    // The property began on 11-26: that day's report is finished and due by the end of 11-27.
    expect(overview.reports!.map(({ kind, period, state }) => [kind, period, state])).toEqual([
      ['daily', '2026-11-26', 'due'],
    ]);
    // The desk's counts are on a supervisor's home too; no complaint is theirs yet.
    expect(home.desk!.arrivals.count).toBe(1);
    expect(home.tasks!.complaints.count).toBe(0);
  });

  it('leaves out a part whose permission the role has lost', async () => {
    await signIn(desk, 'admin', 'admin-pass-1');
    await desk.call('permissions.set', { role: 'supervisor', permission: 'reports.view', granted: false });
    await desk.call('permissions.set', { role: 'supervisor', permission: 'approvals.decide', granted: false });
    await signIn(desk, 'chen');
    const { overview } = await desk.call('home.today');
    expect(overview!.reports).toBeNull();
    expect(overview!.approvals).toBeNull();
    expect(overview!.occupancy).toHaveLength(8);
  });
});

describe('a property with no rooms yet', () => {
  it('shows a supervisor eight nights with nothing to sell, not a rate', async () => {
    const empty = await openDesk();
    try {
      await setUpDesk(empty);
      await addStaff(empty, 'chen', 'supervisor');
      await signIn(empty, 'chen');
      const { overview } = await empty.call('home.today');
      expect(
        overview!.occupancy!.map(({ night, sold, sellable, occupancy }) => [night, sold, sellable, occupancy]),
      ).toEqual(
        ['26', '27', '28', '29', '30']
          .map((day) => [`2026-11-${day}`, 0, 0, null])
          .concat(['01', '02', '03'].map((day) => [`2026-12-${day}`, 0, 0, null])),
      );
    } finally {
      await empty.close();
    }
  });
});

describe('an administrator’s home', () => {
  it('shows the house — backups, sync, staff — and not the desk', async () => {
    await signIn(desk, 'admin', 'admin-pass-1');
    const home = await desk.call('home.today');
    expect(home).toMatchObject({ layout: 'admin', desk: null, tasks: null, overview: null });
    expect(home.house!.staff).toEqual({ active: 4, inactive: 0, lockedOut: 0 });
    expect(home.house!.sync).toMatchObject({ enrolled: false, pendingCount: expect.any(Number), openConflicts: 0 });
    expect(home.house!.backups).toMatchObject({ latest: null, count: 0 });
  });
});
