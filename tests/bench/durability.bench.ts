/**
 * `npm run bench` (durability): what synchronous = FULL (the desk's setting: every commit's WAL
 * frames are fsynced, so an acknowledged booking survives a power cut) costs on a booking
 * commit, beside synchronous = NORMAL (the previous setting). The same desk, the same
 * bookings.create through the whole wrapper, the two settings alternating in blocks so that
 * neither gets the warmer cache. BENCH_DURABILITY_COMMITS to change the count per setting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '@shared/rules/stay';
import { createServices } from '../../src-main/services/services';
import { must, percentile } from './measure';

const COMMITS = Number(process.env['BENCH_DURABILITY_COMMITS'] ?? 400);
const BLOCK = 50;
const ROOM_TYPES = 5;
const ROOMS = 100;
const TODAY = '2026-11-26';

const ms = (value: number) => `${value.toFixed(2)} ms`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-bench-durability-'));
const services = await createServices({ dataDir, clock: { now: () => new Date('2026-11-26T02:00:00.000Z') } });
await must(services, 'setup.initialize', {
  property: { name: 'Bench', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
  recoveryPassphrase: 'bench-recovery-lantern-morning',
});
const { sqlite } = services;
const typeIds: string[] = [];
for (let t = 0; t < ROOM_TYPES; t++)
  typeIds.push(
    (
      (await must(services, 'roomTypes.save', {
        code: `T${t}`,
        name: `Type ${t}`,
        capacity: 2,
        baseRateFen: 40_000,
      })) as { id: string }
    ).id,
  );
const insertRoom = sqlite.prepare(
  "INSERT INTO room (id, number, floor, room_type_id, features_json, status, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', 'vacant_clean', ?, ?)",
);
const insertGuest = sqlite.prepare(
  "INSERT INTO guest (id, customer_no, name, segment, temporary, created_at, updated_at) VALUES (?, ?, ?, 'individual', 0, ?, ?)",
);
const at = new Date().toISOString();
const guestIds: string[] = [];
sqlite.transaction(() => {
  for (let r = 0; r < ROOMS; r++)
    insertRoom.run(uuidv7(), String(1000 + r), Math.floor(r / 25) + 2, typeIds[r % ROOM_TYPES], at, at);
  for (let i = 0; i < COMMITS * 2; i++) {
    guestIds.push(uuidv7());
    insertGuest.run(guestIds[i], `C${String(i).padStart(8, '0')}`, `宾客${i}`, at, at);
  }
})();

const times: Record<'FULL' | 'NORMAL', number[]> = { FULL: [], NORMAL: [] };
let made = 0;
for (let block = 0; made < COMMITS * 2; block++) {
  const setting = block % 2 === 0 ? 'FULL' : 'NORMAL';
  sqlite.pragma(`synchronous = ${setting}`);
  for (let i = 0; i < BLOCK && made < COMMITS * 2; i++, made++) {
    const started = performance.now();
    await must(services, 'bookings.create', {
      guestId: guestIds[made]!,
      channel: 'walk_in',
      arrival: addDays(TODAY, made % 360),
      departure: addDays(TODAY, 1 + (made % 360)),
      roomTypeId: typeIds[made % ROOM_TYPES]!,
      adults: 1,
    });
    times[setting].push(performance.now() - started);
  }
}
for (const setting of ['FULL', 'NORMAL'] as const) {
  console.log(
    `bookings.create commit, synchronous = ${setting}: p50 ${ms(percentile(times[setting], 50))}, p95 ${ms(percentile(times[setting], 95))} (${times[setting].length} commits, ${os.tmpdir()})`,
  );
}
await services.close();
fs.rmSync(dataDir, { recursive: true, force: true });
