/**
 * The flash's cache of each night's figures (night_figure) never serves a stale figure: the daily
 * report is read once (which fills the cache), a past booking changes — a price override, a
 * check-out, a no-show by the night audit, rows written directly as a pull from the server writes
 * them — and the report read again equals the same report computed with the cache emptied.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSection } from '@shared/contract/reports';
import { dailyReport } from '../../src-main/services/reports/daily';
import { ADMIN, openDesk, overrideApprovedAtDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';
import { boatTickets, stayFor } from './report-hotel';

let desk: Desk;
let hotel: Hotel;
const PASSWORDS: Record<string, string> = { admin: ADMIN.password };
const stay = stayFor(() => hotel);

async function at(dayTime: string, who: 'lina' | 'chen' | 'admin') {
  const [day, time] = dayTime.split(' ');
  const target = Date.parse(`2026-11-${day}T${time}:00+08:00`);
  desk.clock.advanceMinutes((target - desk.clock.now().getTime()) / 60_000);
  await signIn(desk, who, PASSWORDS[who]);
}

/** The flash of the 27th as the report prints it. */
async function flash(): Promise<ReportSection> {
  const report = await dailyReport(desk.services.db, {
    date: '2026-11-27',
    now: desk.clock.now(),
    generatedBy: 'chen',
  });
  return report.sections.find((s) => s.id === 'flash')!;
}

const cachedNights = async () =>
  Number((await sql<{ n: number }>`SELECT count(*) AS n FROM night_figure`.execute(desk.services.db)).rows[0]!.n);

/** The flash read now (from the cache as it stands) equals the flash computed afresh with the cache emptied. */
async function expectFresh(): Promise<ReportSection> {
  expect(await cachedNights()).toBeGreaterThan(0);
  const served = await flash();
  await sql`DELETE FROM night_figure`.execute(desk.services.db);
  const fresh = await flash();
  expect(served).toEqual(fresh);
  return fresh;
}

const raw = (query: ReturnType<typeof sql>) => query.execute(desk.services.db);
let b1: string;
let b2: string;

beforeAll(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await at('26 10:00', 'admin');
  await signIn(desk, 'lina');
  b1 = (await desk.call('bookings.create', { ...stay('2026-11-26', '2026-11-29', hotel.standard), channel: 'walk_in' }))
    .id;
  await desk.call('frontDesk.checkIn', { bookingId: b1, roomId: hotel.rooms['301']! });
  b2 = (await desk.call('bookings.create', { ...stay('2026-11-26', '2026-11-28', hotel.suite), channel: 'walk_in' }))
    .id;
  await desk.call('frontDesk.checkIn', { bookingId: b2, roomId: hotel.rooms['501']! });
  await desk.call('payments.record', { bookingId: b2, kind: 'payment', method: 'cash', amountFen: 240_000 });
  await desk.call('bookings.create', stay('2026-11-27', '2026-11-28', hotel.standard));
  await at('27 00:30', 'chen');
  await desk.call('nightAudit.roll', { closingDate: '2026-11-26', earlyClose: false });
  await at('27 09:00', 'lina');
  await flash();
});
afterAll(() => desk.close());

describe('the cache of each night’s flash figures', () => {
  it('is filled by a report and serves the figures a fresh computation gives', async () => {
    expect(await cachedNights()).toBeGreaterThan(0);
    await expectFresh();
  });

  it('is neither captured for sync nor written to the outbox', async () => {
    const touched = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM sync_touched WHERE table_name = 'night_figure'`.execute(desk.services.db);
    expect(Number(touched.rows[0]!.n)).toBe(0);
    const triggers = await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'night_figure'`.execute(desk.services.db);
    expect(triggers.rows).toEqual([]);
  });

  it('forgets a night whose price is overridden', async () => {
    const before = await flash();
    await overrideApprovedAtDesk(desk, b1, 30_000);
    const after = await expectFresh();
    expect(after).not.toEqual(before);
  });

  it('forgets the nights of a stay checked out, and of a no-show the night audit marks', async () => {
    await at('27 11:00', 'lina');
    await desk.call('frontDesk.checkOut', { bookingId: b2 });
    await expectFresh();
    await at('28 00:30', 'chen');
    await desk.call('nightAudit.roll', { closingDate: '2026-11-27', earlyClose: false });
    await expectFresh();
  });

  it('forgets the nights of booking rows written directly, as a pull from the server writes them', async () => {
    let before = await flash();
    await raw(sql`UPDATE booking SET nights_json = json_set(nights_json, '$[0].priceFen', 12345),
      total_fen = total_fen + 12345 - json_extract(nights_json, '$[0].priceFen') WHERE id = ${b1}`);
    let after = await expectFresh();
    expect(after).not.toEqual(before);

    before = after;
    await raw(sql`UPDATE booking SET status = 'cancelled' WHERE id = ${b2}`);
    after = await expectFresh();
    expect(after).not.toEqual(before);

    before = after;
    await raw(sql`UPDATE booking SET status = 'checked_out' WHERE id = ${b2}`);
    after = await expectFresh();
    expect(after).not.toEqual(before);

    before = after;
    await raw(sql`UPDATE booking SET deleted_at = '2026-11-27T20:00:00.000Z' WHERE id = ${b2}`);
    after = await expectFresh();
    expect(after).not.toEqual(before);

    before = after;
    await raw(sql`
      INSERT INTO booking (id, number, guest_id, channel, status, arrival, departure, room_type_id, room_id, adults,
        children, rate_plan_id, nights_json, total_fen, guarantee, special_requests, created_by, desk_id,
        checked_in_at, checked_out_at, created_at, updated_at, server_version, deleted_at, cancellation_policy_json)
      SELECT 'pulled-' || id, number || '-P', guest_id, channel, 'checked_out', arrival, departure, room_type_id, NULL,
        adults, children, rate_plan_id, nights_json, total_fen, guarantee, special_requests, created_by, desk_id,
        checked_in_at, checked_in_at, created_at, updated_at, 7, NULL, cancellation_policy_json
      FROM booking WHERE id = ${b1}`);
    after = await expectFresh();
    expect(after).not.toEqual(before);

    before = after;
    await raw(sql`DELETE FROM booking WHERE id = ${`pulled-${b1}`}`);
    after = await expectFresh();
    expect(after).not.toEqual(before);

    await raw(sql`DELETE FROM booking_night WHERE booking_id = ${b1}`);
    await expectFresh();
  });

  it('forgets the visit dates of ticket orders sold, cancelled or moved, and the bookings cancelled', async () => {
    await at('28 09:00', 'admin');
    const { morning, sell } = await boatTickets(desk);
    await signIn(desk, 'lina');
    const order = await sell(morning, '2026-11-28', 2);
    await flash();
    await raw(sql`UPDATE ticket_order SET visit_date = '2026-11-27' WHERE id = ${order.id}`);
    let before = await expectFresh();
    await desk.call('tickets.cancel', { orderId: order.id, reason: 'weather', refundMethod: 'cash' });
    let after = await expectFresh();
    expect(after).not.toEqual(before);

    before = after;
    const late = await desk.call('bookings.create', stay('2026-11-28', '2026-11-29', hotel.suite));
    await raw(sql`UPDATE booking SET arrival = '2026-11-27' WHERE id = ${late.id}`);
    await flash();
    await desk.call('bookings.cancel', { id: late.id, reason: 'change_of_plans', refundMethod: 'cash' });
    after = await expectFresh();
    expect(after).not.toEqual(before);
  });
});
