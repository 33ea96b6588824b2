/**
 * `npm run bench` (reports): the daily report (日报 with the manager's flash) on a desk holding
 * BENCH_BOOKINGS bookings (1,000,000 by default) for BENCH_GUESTS guests (300,000 by default, to
 * keep the run under three minutes) in 500 rooms: about fifteen years of history at some 70%
 * occupancy (175 two-night arrivals a day: 90% stayed, 5% cancelled, 5% no-shows), the guests in
 * house and the next 60 days booked, a payment per stay of the last two years, and two years of
 * timed tickets (200 orders a day). p50 / p95 of `reports.daily` through the contract's dispatch,
 * each section alone, and beside them the raw SQLite aggregates the report rests on (rooms sold
 * and room revenue by night, year to date; the day's payments). Target: p95 < 50 ms. Then the
 * weekly report and the monthly operations report (target: p95 < 200 ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '@shared/rules/stay';
import { localDayStartUtc, nextLocalDate } from '@shared/time';
import { cashierSection } from '../../src-main/services/reports/daily/cashier';
import { complaintSection } from '../../src-main/services/reports/daily/complaints';
import { flashSection } from '../../src-main/services/reports/daily/flash';
import { frontOfficeSection, roomStatusSection } from '../../src-main/services/reports/daily/front-office';
import { ticketSection } from '../../src-main/services/reports/daily/tickets';
import { createServices } from '../../src-main/services/services';
import { must, percentile, timeEach } from './measure';

const GUESTS = Number(process.env['BENCH_GUESTS'] ?? 300_000);
const BOOKINGS = Number(process.env['BENCH_BOOKINGS'] ?? 1_000_000);
const ROOM_TYPES = 5;
const ROOMS = 500;
const ARRIVALS_PER_DAY = 175;
const TICKET_ORDERS_PER_DAY = 200;
const TODAY = '2026-11-26';
const NOW = new Date('2026-11-26T14:00:00.000Z');
const RUNS = 20;
const PAYMENTS_FROM = addDays(TODAY, -730);

const ms = (value: number) => `${value.toFixed(2)} ms`;
const stats = (times: number[]) => `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-bench-reports-'));
const services = await createServices({ dataDir, clock: { now: () => NOW } });
await must(services, 'setup.initialize', {
  property: { name: 'Bench', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
  recoveryPassphrase: 'bench-recovery-lantern-morning',
});
const { sqlite, db } = services;

// Scale data, written raw in one transaction (the generator is not what is measured; unsynced to disk while it runs).
let started = performance.now();
const synchronous = sqlite.pragma('synchronous', { simple: true }) as number;
sqlite.pragma('synchronous = OFF');
const typeIds: string[] = [];
for (let t = 0; t < ROOM_TYPES; t++)
  typeIds.push(
    (
      (await must(services, 'roomTypes.save', {
        code: `T${t}`,
        name: `Type ${t}`,
        capacity: 2,
        baseRateFen: 40_000 + t * 10_000,
      })) as { id: string }
    ).id,
  );
const product = (await must(services, 'ticketProducts.save', {
  code: 'BOAT',
  name: 'Boat',
  priceFen: 5_000,
  slots: ['09:00', '11:00', '13:00', '15:00'].map((startTime) => ({
    startTime,
    endTime: `${String(Number(startTime.slice(0, 2)) + 2).padStart(2, '0')}:00`,
    capacity: 400,
  })),
})) as { id: string; slots: { id: string }[] };

const ENTERED = '2010-01-01T00:00:00.000Z';
const insertRoom = sqlite.prepare(
  "INSERT INTO room (id, number, floor, room_type_id, features_json, status, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', ?, ?, ?)",
);
const insertGuest = sqlite.prepare(
  "INSERT INTO guest (id, customer_no, name, segment, temporary, created_at, updated_at) VALUES (?, ?, ?, 'regular', 0, ?, ?)",
);
const insertBooking = sqlite.prepare(`INSERT INTO booking (id, number, guest_id, channel, status, arrival, departure,
  room_type_id, room_id, adults, children, nights_json, total_fen, guarantee, special_requests, created_by, desk_id,
  checked_in_at, created_at, updated_at) VALUES (?, ?, ?, 'phone', ?, ?, ?, ?, ?, 2, 0, ?, ?, 'none', '', 'bench', ?, ?, ?, ?)`);
const insertNight = sqlite.prepare('INSERT INTO booking_night (booking_id, night, room_type_id) VALUES (?, ?, ?)');
const insertPayment =
  sqlite.prepare(`INSERT INTO payment (id, booking_id, kind, method, amount_fen, reference, staff_id,
  staff_name, created_at) VALUES (?, ?, 'payment', ?, ?, '', 'bench', ?, ?)`);
const insertOrder = sqlite.prepare(`INSERT INTO ticket_order (id, number, product_id, slot_id, visit_date, status,
  total_fen, created_by, desk_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?)`);
const insertVisitor = sqlite.prepare(
  "INSERT INTO ticket_visitor (id, order_id, name, id_type, redeemed_at) VALUES (?, ?, 'Visitor', 'id_card', ?)",
);
const METHODS = ['cash', 'card', 'wechat', 'alipay'];
const STAFF = ['王丽', '李强', '张敏', '陈杰'];
/** 10:00 in Shanghai on a local date. */
const tenAm = (day: string) => `${day}T02:00:00.000Z`;

const roomIds: string[] = [];
sqlite.transaction(() => {
  for (let r = 0; r < ROOMS; r++) {
    roomIds.push(uuidv7());
    // Five rooms out of order; the in-house guests' rooms are marked below.
    insertRoom.run(
      roomIds[r],
      String(1000 + r),
      Math.floor(r / 25) + 2,
      typeIds[r % ROOM_TYPES],
      r < 5 ? 'out_of_order' : 'vacant_clean',
      ENTERED,
      ENTERED,
    );
  }
  const at = NOW.toISOString();
  for (let i = 0; i < GUESTS; i++) insertGuest.run(uuidv7(), `C${String(i).padStart(9, '0')}`, `客人${i}`, at, at);
})();
const guestIds = sqlite.prepare('SELECT id FROM guest LIMIT ?').pluck().all(Math.min(GUESTS, 100_000)) as string[];

// Bookings: the newest arrivals first, 175 a day back from 60 days ahead.
sqlite.transaction(() => {
  const occupied = new Set<number>();
  for (let i = 0; i < BOOKINGS; i++) {
    const arrival = addDays(TODAY, 60 - Math.floor(i / ARRIVALS_PER_DAY));
    const departure = addDays(arrival, 2);
    const slot = i % ARRIVALS_PER_DAY;
    const type = typeIds[slot % ROOM_TYPES]!;
    const price = 40_000 + (slot % ROOM_TYPES) * 10_000 + (i % 3) * 2_000;
    const nights = [arrival, addDays(arrival, 1)];
    const inHouse = arrival <= TODAY && departure > TODAY;
    const past = departure <= TODAY;
    const status = inHouse
      ? 'checked_in'
      : !past && arrival > TODAY
        ? 'confirmed'
        : i % 20 === 0
          ? 'cancelled'
          : i % 20 === 1
            ? 'no_show'
            : 'checked_out';
    const held = status === 'checked_in' || status === 'checked_out' || status === 'confirmed';
    let room: string | null = null;
    if (status === 'checked_in') {
      const r = 5 + ((slot + (arrival === TODAY ? ARRIVALS_PER_DAY : 0)) % (ROOMS - 5));
      room = roomIds[r]!;
      occupied.add(r);
    }
    const id = uuidv7();
    const total = status === 'cancelled' || status === 'no_show' ? (status === 'no_show' ? price : 0) : price * 2;
    insertBooking.run(
      id,
      `B${String(i).padStart(9, '0')}`,
      guestIds[i % guestIds.length],
      status,
      arrival,
      departure,
      type,
      room,
      JSON.stringify(nights.map((night) => ({ night, priceFen: price }))),
      total,
      services.device.id,
      status === 'checked_in' || status === 'checked_out' ? tenAm(arrival) : null,
      tenAm(addDays(arrival, -7)),
      tenAm(addDays(arrival, -7)),
    );
    if (held) for (const night of nights) insertNight.run(id, night, type);
    // A payment per stay of the last two years (older folios only make the table longer).
    if ((status === 'checked_in' || status === 'checked_out') && arrival >= PAYMENTS_FROM)
      insertPayment.run(uuidv7(), id, METHODS[i % 4], price * 2, STAFF[i % 4], tenAm(arrival));
  }
  const markOccupied = sqlite.prepare("UPDATE room SET status = 'occupied' WHERE id = ?");
  for (const r of occupied) markOccupied.run(roomIds[r]);
  // Tickets: two years up to the next week, 200 orders a day of one or two visitors.
  let n = 0;
  for (let day = addDays(TODAY, -730); day <= addDays(TODAY, 7); day = addDays(day, 1))
    for (let o = 0; o < TICKET_ORDERS_PER_DAY; o++, n++) {
      const id = uuidv7();
      const visitors = 1 + (o % 2);
      const cancelled = o % 25 === 0;
      insertOrder.run(
        id,
        `T${String(n).padStart(9, '0')}`,
        product.id,
        product.slots[o % 4]!.id,
        day,
        cancelled ? 'cancelled' : 'sold',
        cancelled ? 0 : visitors * 5_000,
        services.device.id,
        tenAm(day),
        tenAm(day),
      );
      for (let v = 0; v < visitors; v++)
        insertVisitor.run(uuidv7(), id, !cancelled && day < TODAY && o % 10 !== 0 ? tenAm(day) : null);
    }
})();
sqlite.pragma(`synchronous = ${synchronous}`);
sqlite.pragma('optimize');
const counts = sqlite
  .prepare(
    `SELECT (SELECT count(*) FROM booking) AS bookings, (SELECT count(*) FROM booking_night) AS nights,
      (SELECT count(*) FROM payment) AS payments, (SELECT count(*) FROM ticket_order) AS orders`,
  )
  .get() as { bookings: number; nights: number; payments: number; orders: number };
console.log(
  `scale data in ${((performance.now() - started) / 1000).toFixed(1)} s: ${GUESTS.toLocaleString('en')} guests, ${counts.bookings.toLocaleString('en')} bookings, ${counts.nights.toLocaleString('en')} booked nights, ${counts.payments.toLocaleString('en')} payments, ${counts.orders.toLocaleString('en')} ticket orders, ${ROOMS} rooms`,
);

// The report through the contract (session, permission, parse, handler), today and a year ago.
started = performance.now();
const first = await must(services, 'reports.daily', { date: TODAY });
const firstMs = performance.now() - started;
const daily = await timeEach(RUNS, () => must(services, 'reports.daily', { date: TODAY }));
const yearAgo = await timeEach(RUNS, () => must(services, 'reports.daily', { date: addDays(TODAY, -365) }));
const flash = (first as { sections: { id: string; figures: { key: string; value: unknown }[] }[] }).sections[0]!;
console.log(
  `reports.daily ${TODAY} flash: ${JSON.stringify(Object.fromEntries(flash.figures.map((f) => [f.key, f.value])))}`,
);
console.log(`reports.daily (${TODAY}): first ${ms(firstMs)}, then ${stats(daily)}; a year earlier: ${stats(yearAgo)}`);

// The weekly report and the monthly operations report through the contract (goal for the latter: p95 < 200 ms).
const week = await timeEach(RUNS, () => must(services, 'reports.weekly', { week: '2026-W48' }));
const operations = await timeEach(RUNS, () =>
  must(services, 'reports.monthly', { kind: 'operations', month: TODAY.slice(0, 7) }),
);
console.log(
  `reports.weekly (2026-W48): ${stats(week)}; reports.monthly operations (${TODAY.slice(0, 7)}): ${stats(operations)}`,
);

// Each section alone.
const day = {
  date: TODAY,
  start: localDayStartUtc(TODAY, 'Asia/Shanghai'),
  end: localDayStartUtc(nextLocalDate(TODAY), 'Asia/Shanghai'),
};
const sections: [string, () => Promise<unknown>][] = [
  ['flash', () => flashSection(db, TODAY, 'Asia/Shanghai', TODAY)],
  ['front office', () => frontOfficeSection(db, day)],
  ['room status', () => roomStatusSection(db)],
  ['cashier', () => cashierSection(db, day)],
  ['tickets', () => ticketSection(db, TODAY)],
  ['complaints', () => complaintSection(db, day, NOW)],
];
for (const [name, run] of sections) console.log(`  ${name}: ${stats(await timeEach(RUNS, run))}`);

// The raw aggregate the flash rests on: rooms sold and room revenue by night, year to date.
const raw = sqlite.prepare(`SELECT n.night, count(*) AS sold,
    sum((SELECT json_extract(j.value, '$.priceFen') FROM json_each(b.nights_json) j WHERE json_extract(j.value, '$.night') = n.night)) AS revenue
  FROM booking_night n JOIN booking b ON b.id = n.booking_id
  WHERE n.night >= ? AND n.night <= ? AND b.status IN ('checked_in', 'checked_out') GROUP BY n.night`);
const rawYtd = await timeEach(RUNS, () => raw.all('2026-01-01', TODAY));
const rawDay = await timeEach(RUNS, () => raw.all(TODAY, TODAY));
const rawCount = sqlite.prepare(`SELECT count(*) FROM booking_night n JOIN booking b ON b.id = n.booking_id
  WHERE n.night >= ? AND n.night <= ? AND b.status IN ('checked_in', 'checked_out')`);
const rawCountYtd = await timeEach(RUNS, () => rawCount.get('2026-01-01', TODAY));
const rawPayments = sqlite.prepare(
  'SELECT method, sum(amount_fen) FROM payment WHERE created_at >= ? AND created_at < ? GROUP BY staff_id, method',
);
const rawCashier = await timeEach(RUNS, () => rawPayments.all(day.start, day.end));
console.log(
  `raw SQLite: rooms sold and revenue by night, year to date ${stats(rawYtd)}; the day alone ${stats(rawDay)}; rooms sold alone (no revenue), year to date ${stats(rawCountYtd)}; the day's payments by staff and method ${stats(rawCashier)}`,
);

await services.close();
// BENCH_KEEP=1 keeps the desk's folder for a closer look at the queries.
if (process.env['BENCH_KEEP']) console.log(`desk kept in ${dataDir}`);
else fs.rmSync(dataDir, { recursive: true, force: true });
