/**
 * `npm run bench` (part 2): the front desk on scale data — 1,000,000 guests and 1,000,000
 * bookings (BENCH_GUESTS / BENCH_BOOKINGS to change) with 500 rooms. Each figure through the
 * services (the contract's dispatch) stands beside the raw SQLite query for the same rows.
 * Targets: search p95 < 50 ms, availability grid (500 rooms × 31 nights) p95 < 50 ms,
 * booking commit p50 < 10 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '@shared/rules/stay';
import { createServices } from '../../src-main/services/services';
import { must, percentile, timeEach } from './measure';
import { demoGuest } from '../../src-main/services/demo/demo-hotel';
import { sealPhone } from '../../src-main/vault/guest-fields';

const GUESTS = Number(process.env['BENCH_GUESTS'] ?? 1_000_000);
const BOOKINGS = Number(process.env['BENCH_BOOKINGS'] ?? 1_000_000);
const ROOM_TYPES = 5;
const ROOMS = 500;
const TODAY = '2026-11-26';

const ms = (value: number) => `${value.toFixed(2)} ms`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-bench-desk-'));
const services = await createServices({ dataDir, clock: { now: () => new Date('2026-11-26T02:00:00.000Z') } });
await must(services, 'setup.initialize', {
  property: { name: 'Bench', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
  recoveryPassphrase: 'bench-recovery-lantern-morning',
});
const { sqlite } = services;

// Scale data, written raw in single transactions (the generator is not what is measured).
let started = performance.now();
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
const insertRoom = sqlite.prepare(
  "INSERT INTO room (id, number, floor, room_type_id, features_json, status, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', 'vacant_clean', ?, ?)",
);
const insertGuest = sqlite.prepare(
  'INSERT INTO guest (id, customer_no, name, phone_sealed, phone_hmac, phone_last4, phone_masked, segment, temporary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)',
);
const keys = await services.vault.open(services.db);
const insertBooking =
  sqlite.prepare(`INSERT INTO booking (id, number, guest_id, channel, status, arrival, departure, room_type_id, adults, children, nights_json, total_fen, guarantee, special_requests, created_by, desk_id, created_at, updated_at)
  VALUES (?, ?, ?, 'phone', ?, ?, ?, ?, 2, 0, '[]', 80000, 'none', '', 'bench', ?, ?, ?)`);
const insertNight = sqlite.prepare('INSERT INTO booking_night (booking_id, night, room_type_id) VALUES (?, ?, ?)');
const at = new Date().toISOString();
const guestIds: string[] = new Array(GUESTS);
sqlite.transaction(() => {
  for (let r = 0; r < ROOMS; r++)
    insertRoom.run(uuidv7(), String(1000 + r), Math.floor(r / 25) + 2, typeIds[r % ROOM_TYPES], at, at);
  for (let i = 0; i < GUESTS; i++) {
    const guest = demoGuest(i);
    guestIds[i] = uuidv7();
    const phone = sealPhone(keys, guest.phone);
    insertGuest.run(
      guestIds[i],
      guest.customerNo,
      guest.name,
      phone.phone_sealed,
      phone.phone_hmac,
      phone.phone_last4,
      phone.phone_masked,
      guest.segment,
      at,
      at,
    );
  }
})();
const guestSeconds = (performance.now() - started) / 1000;
started = performance.now();
// Past stays (checked out, holding no inventory), and the next 60 nights filled to about 70%.
sqlite.transaction(() => {
  const upcoming = Math.min(BOOKINGS, 10_000);
  for (let i = 0; i < BOOKINGS; i++) {
    const future = i < upcoming;
    const arrival = future ? addDays(TODAY, i % 60) : addDays(TODAY, -1 - (i % 1800));
    const departure = addDays(arrival, 2);
    const type = typeIds[i % ROOM_TYPES]!;
    const id = uuidv7();
    insertBooking.run(
      id,
      `B${String(i).padStart(9, '0')}`,
      guestIds[i % GUESTS],
      future ? 'confirmed' : 'checked_out',
      arrival,
      departure,
      type,
      services.device.id,
      at,
      at,
    );
    if (future) for (const night of [arrival, addDays(arrival, 1)]) insertNight.run(id, night, type);
  }
})();
const bookingSeconds = (performance.now() - started) / 1000;
console.log(
  `scale data: ${GUESTS.toLocaleString('en')} guests in ${guestSeconds.toFixed(1)} s, ${BOOKINGS.toLocaleString('en')} bookings in ${bookingSeconds.toFixed(1)} s, ${ROOMS} rooms`,
);
sqlite.pragma('optimize');

// Search: 2-character names (name index), 3+ characters (trigram index), a whole phone (keyed hash), last four digits, booking numbers.
const queries = ['王芳', '李娜', '张伟', '陈静', '欧阳', '王子涵', '13000', '7919', '4567', 'B00000', 'C0000012'];
const serviceSearch = await timeEach(220, (i) => must(services, 'search.quick', { q: queries[i % queries.length]! }));
const rawPrefix = sqlite.prepare(
  'SELECT id FROM guest WHERE name >= ? AND name < ? || char(65535) AND deleted_at IS NULL LIMIT 10',
);
const rawFts = sqlite.prepare(
  'SELECT guest.id FROM guest_fts JOIN guest ON guest.rowid = guest_fts.rowid WHERE guest_fts MATCH ? LIMIT 10',
);
const rawSearch = await timeEach(220, (i) => {
  const q = queries[i % queries.length]!;
  rawPrefix.all(q, q);
  if ([...q].length >= 3) rawFts.all(`"${q}"`);
});
console.log(
  `search.quick over ${GUESTS.toLocaleString('en')} guests: p50 ${ms(percentile(serviceSearch, 50))}, p95 ${ms(percentile(serviceSearch, 95))} | raw SQLite p50 ${ms(percentile(rawSearch, 50))}, p95 ${ms(percentile(rawSearch, 95))}`,
);

// Availability grid: 500 rooms × 31 nights.
const serviceGrid = await timeEach(50, () => must(services, 'availability.grid', { from: TODAY, nights: 31 }));
const rawGridQuery = sqlite.prepare(
  'SELECT night, room_type_id, count(*) AS n FROM booking_night WHERE night >= ? AND night < ? GROUP BY night, room_type_id',
);
const rawGrid = await timeEach(50, () => rawGridQuery.all(TODAY, addDays(TODAY, 31)));
console.log(
  `availability.grid ${ROOMS} rooms × 31 nights: p50 ${ms(percentile(serviceGrid, 50))}, p95 ${ms(percentile(serviceGrid, 95))} | raw SQLite p50 ${ms(percentile(rawGrid, 50))}, p95 ${ms(percentile(rawGrid, 95))}`,
);

// Booking commit through the whole wrapper (checks, inventory, number, history, audit, outbox) vs the raw inserts.
const commits = await timeEach(200, (i) =>
  must(services, 'bookings.create', {
    guestId: guestIds[i]!,
    channel: 'walk_in',
    arrival: addDays(TODAY, 70 + (i % 30)),
    departure: addDays(TODAY, 72 + (i % 30)),
    roomTypeId: typeIds[i % ROOM_TYPES]!,
    adults: 1,
  }),
);
const rawCommits = await timeEach(200, (i) => {
  sqlite.transaction(() => {
    const id = uuidv7();
    const arrival = addDays(TODAY, 100 + (i % 30));
    insertBooking.run(
      id,
      `R${i}`,
      guestIds[i],
      'confirmed',
      arrival,
      addDays(arrival, 2),
      typeIds[i % ROOM_TYPES],
      services.device.id,
      at,
      at,
    );
    insertNight.run(id, arrival, typeIds[i % ROOM_TYPES]);
    insertNight.run(id, addDays(arrival, 1), typeIds[i % ROOM_TYPES]);
  })();
});
console.log(
  `bookings.create commit: p50 ${ms(percentile(commits, 50))}, p95 ${ms(percentile(commits, 95))} | raw SQLite insert p50 ${ms(percentile(rawCommits, 50))}`,
);

console.log(
  `database file: ${(fs.statSync(path.join(dataDir, 'yingbin.db')).size / 1024 / 1024).toFixed(0)} MiB; process RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
);
await services.close();
fs.rmSync(dataDir, { recursive: true, force: true });
