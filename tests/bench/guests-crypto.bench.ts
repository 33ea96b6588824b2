/**
 * `npm run bench` (guests' sealed fields): what sealing phones and ID numbers costs. On a desk
 * with BENCH_CRYPTO_GUESTS guests (100,000 by default) whose phones and ID numbers are sealed:
 * guests.create with a phone and an ID number (sealed, hashed, checked for duplicates by hash)
 * beside guests.create with a name only (nothing to seal), alternating in blocks; the sealing
 * itself per guest; guests.get, which opens both; and search.quick by a whole ID number (a keyed
 * hash lookup, audited in its own transaction), by a whole phone, by a phone's last four digits
 * and by name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createServices } from '../../src-main/services/services';
import { sealIdNumber, sealPhone } from '../../src-main/vault/guest-fields';
import { must, percentile, timeEach } from './measure';

const GUESTS = Number(process.env['BENCH_CRYPTO_GUESTS'] ?? 100_000);
const CREATES = 400;
const BLOCK = 50;
const SEARCHES = 200;

const ms = (value: number) => `${value.toFixed(2)} ms`;
const stats = (times: number[]) => `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`;
const phoneOf = (i: number) => `13${String((i * 7919 + 12345) % 1_000_000_000).padStart(9, '0')}`;
/** A resident ID card's shape: region, birth date, sequence (no check digit arithmetic needed here). */
const idNumberOf = (i: number) =>
  `330102${String(19_500_101 + (i % 500_000)).padStart(8, '0')}${String(i % 10_000).padStart(4, '0')}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-bench-guests-crypto-'));
const services = await createServices({ dataDir, clock: { now: () => new Date('2026-11-26T02:00:00.000Z') } });
await must(services, 'setup.initialize', {
  property: { name: 'Bench', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
  recoveryPassphrase: 'bench-recovery-lantern-morning',
});
const keys = await services.vault.open(services.db);

// Scale data, sealed as guests.create seals it, written raw in one transaction.
let started = performance.now();
const insertGuest = services.sqlite
  .prepare(`INSERT INTO guest (id, customer_no, name, phone_sealed, phone_hmac, phone_last4, phone_masked, segment, id_type, id_number_sealed, id_number_hmac, temporary, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, 'leisure', 'id_card', ?, ?, 0, ?, ?)`);
const at = new Date().toISOString();
services.sqlite.transaction(() => {
  for (let i = 0; i < GUESTS; i++) {
    const phone = sealPhone(keys, phoneOf(i));
    const idNumber = sealIdNumber(keys, idNumberOf(i));
    insertGuest.run(
      uuidv7(),
      `C${String(i).padStart(9, '0')}`,
      `宾客${i}`,
      phone.phone_sealed,
      phone.phone_hmac,
      phone.phone_last4,
      phone.phone_masked,
      idNumber.id_number_sealed,
      idNumber.id_number_hmac,
      at,
      at,
    );
  }
})();
// As a desk holds them once synced: nothing of the seeding left for the outbox to take.
services.sqlite.exec('DELETE FROM sync_touched; DELETE FROM temp.sync_before;');
console.log(
  `scale data: ${GUESTS.toLocaleString('en')} guests with sealed phones and ID numbers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// The sealing alone: a phone (seal, hash, mask) and an ID number (seal, hash).
started = performance.now();
for (let i = 0; i < 10_000; i++) {
  sealPhone(keys, phoneOf(GUESTS + i));
  sealIdNumber(keys, idNumberOf(GUESTS + i));
}
console.log(
  `sealing a phone and an ID number: ${(((performance.now() - started) / 10_000) * 1000).toFixed(1)} µs per guest`,
);

// guests.create with both fields sealed, beside a name only, alternating in blocks.
const creates: Record<'sealed' | 'name only', number[]> = { sealed: [], 'name only': [] };
const created: string[] = [];
for (let made = 0, block = 0; made < CREATES * 2; block++) {
  const kind = block % 2 === 0 ? 'sealed' : 'name only';
  for (let i = 0; i < BLOCK; i++, made++) {
    const n = GUESTS + 10_000 + made;
    const input =
      kind === 'sealed'
        ? { name: `新客${n}`, phone: phoneOf(n), idType: 'id_card', idNumber: idNumberOf(n) }
        : { name: `新客${n}` };
    const begun = performance.now();
    const guest = (await must(services, 'guests.create', input)) as { id: string };
    creates[kind].push(performance.now() - begun);
    if (kind === 'sealed') created.push(guest.id);
  }
}
for (const kind of ['sealed', 'name only'] as const)
  console.log(`guests.create, ${kind}: ${stats(creates[kind])} (${creates[kind].length} creates)`);

const gets = await timeEach(SEARCHES, (i) => must(services, 'guests.get', { id: created[i % created.length]! }));
console.log(`guests.get, opening the phone and the ID number: ${stats(gets)}`);

const searches: [string, (i: number) => string][] = [
  ['a whole ID number (keyed hash, audited)', (i) => idNumberOf((i * 7_919) % GUESTS)],
  ['a whole phone (keyed hash)', (i) => phoneOf((i * 7_919) % GUESTS)],
  ['the last four digits of a phone', (i) => phoneOf((i * 7_919) % GUESTS).slice(-4)],
  ['a name', (i) => `宾客${(i * 7_919) % GUESTS}`],
];
for (const [label, text] of searches) {
  const times = await timeEach(SEARCHES, (i) => must(services, 'search.quick', { q: text(i) }));
  console.log(`search.quick over ${GUESTS.toLocaleString('en')} guests by ${label}: ${stats(times)}`);
}

await services.close();
fs.rmSync(dataDir, { recursive: true, force: true });
