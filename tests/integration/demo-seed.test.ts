/**
 * The busy demo hotel (`npm run seed:demo`): what every screen shows on it, read through the desk's
 * own queries — about 70% of the next 30 nights sold, guests in house, today's arrivals and
 * departures (some done, some due), dirty rooms, members in every tier with points, approvals
 * waiting, complaints, a cancelled booking, yesterday's report submitted, contracts filed — and
 * every row it wrote fits its synced schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { addDays } from '@shared/rules/stay';
import { validateRow } from '@shared/sync/row-schemas';
import { rowKey, SYNCED_TABLES, syncedTable, wireRow, type SyncRow } from '@shared/sync/tables';
import type { Effect } from '@shared/sync/protocol';
import { seedBusyDemo } from '../../src-main/services/demo/busy';
import { DEMO_STAFF } from '../../src-main/services/demo/demo-hotel';
import { openDesk, type Desk } from './desk';

let desk: Desk;
let today: string;
const password = (username: string) => DEMO_STAFF.find((s) => s.username === username)!.password;
const signIn = (username: string) => desk.call('auth.signIn', { username, password: password(username) });

beforeAll(async () => {
  desk = await openDesk();
  // 10:00 in Shanghai on 2026-11-26: the seed runs the hotel from 12 days ago to just before then.
  desk.clock.setTo('2026-11-26T02:00:00.000Z');
  await seedBusyDemo(desk.services, { guests: 300, travel: (to) => desk.clock.setTo(to.toISOString()) });
  desk.clock.setTo('2026-11-26T02:00:00.000Z');
  today = '2026-11-26';
}, 180_000);
afterAll(async () => {
  await desk.close();
});

describe('the busy demo hotel', () => {
  it('is open on today, its audits run every night', async () => {
    await signIn('supervisor');
    const status = await desk.call('businessDay.status');
    expect(status).toMatchObject({ businessDate: today, calendarDate: today, lagging: false });
  });

  it('has about 70% of the next 30 nights sold, tonight busier', async () => {
    await signIn('agent');
    const grid = await desk.call('availability.grid', { from: today, nights: 30 });
    const cells = grid.flatMap((row) => row.cells);
    const rooms = cells.reduce((sum, c) => sum + c.rooms, 0);
    const sold = cells.reduce((sum, c) => sum + c.sold, 0);
    expect(rooms).toBe(120 * 30);
    expect(sold / rooms).toBeGreaterThan(0.67);
    expect(sold / rooms).toBeLessThan(0.73);
    const tonight = cells.filter((c) => c.night === today).reduce((sum, c) => sum + c.sold, 0);
    expect(tonight / 120).toBeGreaterThan(0.75);
    for (const cell of cells) expect(cell.available).toBeGreaterThanOrEqual(0);
    const types = await desk.call('roomTypes.list');
    expect(types.map((t) => t.nameEn)).toEqual(expect.arrayContaining(['Standard King', 'Executive Suite']));
    expect(types.every((t) => t.nameEn)).toBe(true);
  });

  it('has guests in house, arrivals and departures due today, and some of each already done', async () => {
    await signIn('agent');
    const day = await desk.call('bookings.day');
    expect(day.businessDate).toBe(today);
    expect(day.inHouse.length).toBeGreaterThan(50);
    expect(day.arrivals.length).toBeGreaterThan(15);
    expect(day.departures.length).toBeGreaterThan(5);
    const arrivedToday = day.inHouse.filter((b) => b.arrival === today);
    expect(arrivedToday.length).toBeGreaterThan(5);
    const board = await desk.call('housekeeping.board');
    expect(board.filter((r) => r.status === 'occupied')).toHaveLength(day.inHouse.length);
    expect(board.filter((r) => r.status === 'vacant_dirty').length).toBeGreaterThan(3);
    expect(board.filter((r) => r.status === 'vacant_clean').length).toBeGreaterThan(10);
    expect(board.filter((r) => r.status === 'inspected').length).toBeGreaterThan(0);
    // Today's rooms to service are the floor attendants'; the rooms ready to sell are nobody's.
    for (const room of board)
      expect(room.attendant !== null).toBe(room.status === 'occupied' || room.status === 'vacant_dirty');
    expect(new Set(board.flatMap((r) => (r.attendant ? [r.attendant.name] : [])))).toEqual(
      new Set(['孙丽（客房）', '吴敏（客房）']),
    );
    const checkedOutToday = await desk.services.db
      .selectFrom('booking')
      .select('id')
      .where('status', '=', 'checked_out')
      .where('departure', '=', today)
      .execute();
    expect(checkedOutToday.length).toBeGreaterThan(5);
    // 排房: a third of tomorrow's arrivals have a room kept, none of them on a room another stay holds.
    const kept = await desk.services.db
      .selectFrom('booking')
      .select(['id', 'room_id'])
      .where('status', '=', 'confirmed')
      .where('arrival', '=', addDays(today, 1))
      .where('room_id', 'is not', null)
      .execute();
    expect(kept.length).toBeGreaterThan(2);
    expect(new Set(kept.map((b) => b.room_id)).size).toBe(kept.length);
    const inTheirRooms = await desk.services.db
      .selectFrom('booking')
      .select('id')
      .where('status', '=', 'checked_in')
      .where('departure', '>', addDays(today, 1))
      .where(
        'room_id',
        'in',
        kept.map((b) => b.room_id!),
      )
      .execute();
    expect(inTheirRooms).toEqual([]);
  });

  it('has members in every tier, with points earned on their stays', async () => {
    await signIn('agent');
    const rows = await desk.services.db.selectFrom('member').select('id').orderBy('member_no').execute();
    const members = await Promise.all(rows.map((m) => desk.call('members.get', { id: m.id })));
    const tiers = members.map((m) => m.tier.code).sort();
    expect(tiers).toEqual(['gold', 'platinum', 'silver', 'silver', 'standard', 'standard', 'standard', 'standard']);
    const platinum = members.find((m) => m.tier.code === 'platinum')!;
    expect(platinum.balance).toBeGreaterThan(50_000);
    expect(members.filter((m) => m.balance > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('has approvals waiting for a supervisor, each with its context', async () => {
    await signIn('supervisor');
    const waiting = await desk.call('approvals.list', { view: 'toDecide' });
    expect(waiting.map((r) => r.operation).sort()).toEqual([
      'bookings.overridePrice',
      'cancellations.waive',
      'members.adjust',
    ]);
    for (const request of waiting) expect(request.summary).not.toBeNull();
  });

  it('has complaints open (one just in), one closed with its call-back made, and a cancelled booking', async () => {
    await signIn('service');
    const open = await desk.call('complaints.list', { view: 'open' });
    expect(open.map((c) => c.severity).sort()).toEqual(['general', 'general', 'major']);
    const all = await desk.call('complaints.list', { view: 'all' });
    expect(all.filter((c) => c.status === 'closed')).toHaveLength(1);
    const done = await desk.call('callbacks.list', { view: 'done' });
    // Call-backs past due were made; of today's, about half so far.
    const toCall = await desk.call('callbacks.list', { view: 'open' });
    const endOfToday = Date.parse('2026-11-26T16:00:00.000Z');
    expect(toCall.filter((c) => Date.parse(c.dueAt) < Date.parse('2026-11-25T16:00:00.000Z'))).toEqual([]);
    expect(toCall.filter((c) => Date.parse(c.dueAt) < endOfToday).length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThan(toCall.filter((c) => Date.parse(c.dueAt) < endOfToday).length);
    expect(done.some((c) => c.complaintId === all.find((x) => x.status === 'closed')!.id)).toBe(true);
    const cancelled = await desk.services.db
      .selectFrom('booking')
      .select('number')
      .where('status', '=', 'cancelled')
      .execute();
    expect(cancelled).toHaveLength(2);
    const noShows = await desk.services.db.selectFrom('booking').select('id').where('status', '=', 'no_show').execute();
    expect(noShows).toHaveLength(1);
  });

  it("has every closed date's daily report submitted and two contracts filed", async () => {
    await signIn('director');
    // Every closed date's daily report, from the opening day to yesterday.
    for (let day = 14; day <= 25; day++) {
      const report = await desk.call('reports.submitted', { kind: 'daily', period: `2026-11-${day}` });
      expect(report, `2026-11-${day}`).not.toBeNull();
    }
    expect(await desk.call('reports.submitted', { kind: 'daily', period: '2026-11-13' })).toBeNull();
    const contracts = await desk.services.db
      .selectFrom('archive_document')
      .select('name')
      .where('tier', '=', 'contract')
      .execute();
    expect(contracts).toHaveLength(2);
  });

  it('wrote only rows that fit their synced schemas, and queued only such effects', () => {
    const sqlite = desk.services.sqlite;
    expect(refusals(wireRows(sqlite))).toEqual([]);
    expect(refusals(queuedEffects(sqlite))).toEqual([]);
  });
});

function wireRows(sqlite: BetterSqlite3.Database): { table: string; row: SyncRow }[] {
  return Object.keys(SYNCED_TABLES).flatMap((table) =>
    (sqlite.prepare(`SELECT * FROM ${table}`).all() as SyncRow[])
      .filter((row) => !syncedTable(table).localRow?.(row))
      .map((row) => ({ table, row: wireRow(table, row) })),
  );
}

function queuedEffects(sqlite: BetterSqlite3.Database): Effect[] {
  return (sqlite.prepare('SELECT effects_json FROM outbox ORDER BY seq').all() as { effects_json: string }[]).flatMap(
    (entry) => JSON.parse(entry.effects_json) as Effect[],
  );
}

function refusals(rows: readonly { table: string; row: SyncRow | null }[]) {
  return rows.flatMap(({ table, row }) => {
    if (row === null) return [];
    const check = validateRow(table, row);
    return check.ok ? [] : [{ table, key: rowKey(table, row), column: check.column, problem: check.problem }];
  });
}
