/**
 * `npm run bench` (sync): the real server (`src-server/cli.ts`, its own process on 127.0.0.1) over
 * real HTTP, on SQLite and on a throwaway PostgreSQL cluster (scripts/pg-throwaway.mjs):
 *   1. catch-up: a real founding desk makes 10,000 guests.create offline, then syncNow() until
 *      nothing is pending (push of 10,000 mutations and the pull of what they wrote);
 *   2. pull: 100,000 guest rows on the server (the first 10,000 pushed as a founding desk's
 *      snapshot, timed; the rest staged in the server's store), a fresh real desk joins and pulls;
 *   3. push: 50 simulated desks push 200 mutations each (batches of 50; a guest row and its audit
 *      entry per mutation, signed by the agent as tests/server/desk.ts signs) at once, to one
 *      property (they queue on its lock) and to ten.
 * A guest belongs to no aggregate root, so these pushes pay for the signature check but not the
 * stale check; tests/bench/rebase.bench.ts pushes intents on bookings, whose bases are checked.
 * Not a test: it prints figures to compare between builds. BENCH_SYNC_BACKENDS=sqlite|postgres to
 * run one backend; BENCH_SYNC_MUTATIONS / BENCH_SYNC_ROWS / BENCH_SYNC_INGEST / BENCH_SYNC_DESKS to change
 * the sizes (BENCH_SYNC_INGEST=100000 pushes every pulled row through the protocol: slow on PostgreSQL).
 */
import { queueSnapshot } from '../../src-main/sync/snapshot';
import { SNAPSHOT_OPERATION, type Effect, type PushedMutation } from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import { openDesk, signIn } from '../integration/desk';
import { openHotel } from '../integration/hotel';
import { AGENT, foundProperty } from '../server/fixtures';
import { TestDesk } from '../server/desk';
import type { TestServer } from '../server/harness';
import { percentile } from './measure';
import { auditLike, call, closeDesk, guestLike, mib, queuedEffects, seedRows, syncClean } from './sync-rig';
import { foundingDesk, propertyId } from '../sync/desks';
import { ServerProcess, startCluster, type Backend, type Cluster } from '../support/server-process';

const MUTATIONS = Number(process.env['BENCH_SYNC_MUTATIONS'] ?? 10_000);
const ROWS = Number(process.env['BENCH_SYNC_ROWS'] ?? 100_000);
const DESKS = Number(process.env['BENCH_SYNC_DESKS'] ?? 50);
const PER_DESK = 200;
const BATCH = 50;
const SNAPSHOT_CHUNK = 500;
const CHUNKS_PER_REQUEST = 10;
const INGEST = Number(process.env['BENCH_SYNC_INGEST'] ?? 10_000);
const BACKENDS = (process.env['BENCH_SYNC_BACKENDS'] ?? 'sqlite,postgres').split(',') as Backend[];

const seconds = (since: number) => (performance.now() - since) / 1000;
const rate = (count: number, s: number) => `${Math.round(count / s).toLocaleString('en')}/s`;
const table: { backend: Backend; figure: string; value: string }[] = [];
function report(backend: Backend, figure: string, value: string): void {
  table.push({ backend, figure, value });
  console.log(`  ${figure}: ${value}`);
}

/** Rows a real desk wrote, used as templates for the simulated desks' rows. */
let templates: { guest: Effect; audit: Effect } | null = null;

async function catchUp(backend: Backend, server: ServerProcess): Promise<void> {
  const { desk } = await foundingDesk(server);
  await syncClean(desk);
  await server.stop();

  let started = performance.now();
  for (let i = 0; i < MUTATIONS; i++) {
    await call(desk, 'guests.create', {
      name: `离线客人${i}`,
      phone: `15${String((i * 7919 + 4242) % 1_000_000_000).padStart(9, '0')}`,
    });
  }
  const local = seconds(started);
  report(
    backend,
    `catch-up: ${MUTATIONS.toLocaleString('en')} guests.create offline (local)`,
    `${local.toFixed(1)} s, ${rate(MUTATIONS, local)}`,
  );
  const effects = await queuedEffects(desk, 'guests.create');
  templates = {
    guest: effects.find((e) => e.table === 'guest')!,
    audit: effects.find((e) => e.table === 'audit_log')!,
  };
  const pending = (await desk.services.sync.status()).pendingCount;

  await server.resume();
  started = performance.now();
  await syncClean(desk);
  const sync = seconds(started);
  report(
    backend,
    `catch-up: syncNow() of ${pending.toLocaleString('en')} pending until 0`,
    `${sync.toFixed(1)} s, ${rate(pending, sync)}`,
  );

  const onServer = await server.db.db
    .selectFrom('sync_row')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('property_id', '=', await propertyId(desk))
    .where('table_name', '=', 'guest')
    .executeTakeFirstOrThrow();
  if (Number(onServer.n) !== MUTATIONS + 1)
    throw new Error(`server holds ${onServer.n} guests, expected ${MUTATIONS + 1}`);
  await closeDesk(desk);
}

async function bigPull(backend: Backend, server: ServerProcess): Promise<void> {
  // The hotel's rows exactly as a real desk's founding snapshot holds them.
  const source = await openDesk();
  await openHotel(source);
  await source.services.db
    .transaction()
    .execute((trx) => queueSnapshot(trx, source.services.device.id, source.clock.now()));
  const chunks = (await source.services.db.selectFrom('outbox').select('effects_json').orderBy('seq').execute()).map(
    (r) => JSON.parse(r.effects_json) as Effect[],
  );
  const guestTemplate = chunks.flat().find((e) => e.table === 'guest')!;
  const property = await propertyId(source);
  const sourceDevice = source.services.device.id;
  await closeDesk(source);

  // A simulated founding device sends that snapshot, then guests in snapshot mutations of 500:
  // the first INGEST through the protocol (timed), the rest staged straight into the server's store.
  // It enrols as the desk that wrote the snapshot: the server takes only a desk's own audit entries.
  const founder = await TestDesk.enrol({ url: server.url } as TestServer, await server.issueCode(), {
    propertyId: property,
    deviceId: sourceDevice,
    hasBusinessData: true,
  });
  const send = async (mutations: PushedMutation[]) => {
    const reply = await founder.push(mutations);
    if (reply.status !== 200 || reply.body.results.some((r) => r.status !== 'applied'))
      throw new Error(`snapshot push: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  };
  for (const chunk of chunks) await send([founder.mutation(SNAPSHOT_OPERATION, chunk)]);
  const guests = Array.from({ length: ROWS }, (_, i) =>
    guestLike(guestTemplate, uuidv7(), `S${String(i).padStart(8, '0')}`, i),
  );
  const pushed = Math.min(ROWS, INGEST);
  let started = performance.now();
  for (let first = 0; first < pushed; first += SNAPSHOT_CHUNK * CHUNKS_PER_REQUEST) {
    const mutations: PushedMutation[] = [];
    for (let c = first; c < Math.min(pushed, first + SNAPSHOT_CHUNK * CHUNKS_PER_REQUEST); c += SNAPSHOT_CHUNK) {
      mutations.push(founder.mutation(SNAPSHOT_OPERATION, guests.slice(c, Math.min(pushed, c + SNAPSHOT_CHUNK))));
    }
    await send(mutations);
  }
  const ingest = seconds(started);
  report(
    backend,
    `snapshot ingest: ${pushed.toLocaleString('en')} guest rows pushed (500/mutation, 10 mutations/request)`,
    `${ingest.toFixed(1)} s, ${rate(pushed, ingest)}`,
  );
  if (pushed < ROWS) await seedRows(server, property, guests.slice(pushed));

  const { n: rows } = await server.db.db
    .selectFrom('sync_row')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('property_id', '=', property)
    .executeTakeFirstOrThrow();

  // A fresh desk joins from its first-run screen and pulls everything.
  const joiner = await openDesk();
  const enrolled = await call(joiner, 'sync.enrol', { serverUrl: server.url, code: await server.issueCode(property) });
  if ((enrolled as { mode: string }).mode !== 'joining')
    throw new Error(`joining enrolment answered ${JSON.stringify(enrolled)}`);
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 50);
  started = performance.now();
  await syncClean(joiner);
  const pull = seconds(started);
  clearInterval(sampler);
  const rssAfter = process.memoryUsage.rss();
  report(
    backend,
    `pull: fresh desk joins, syncNow() of ${Number(rows).toLocaleString('en')} rows`,
    `${pull.toFixed(1)} s, ${rate(Number(rows), pull)}`,
  );
  report(
    backend,
    'pull: desk process RSS before → after (peak during)',
    `${mib(rssBefore)} → ${mib(rssAfter)} (${mib(rssPeak)})`,
  );

  const held = await joiner.services.db
    .selectFrom('guest')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(held.n) !== ROWS + 1) throw new Error(`joining desk holds ${held.n} guests, expected ${ROWS + 1}`);
  await signIn(joiner, 'lina'); // the property's own staff can sign in on the new desk
  await closeDesk(joiner);
}

async function manyDesks(backend: Backend, server: ServerProcess, properties: number): Promise<void> {
  const testServer = { url: server.url, issueCode: (id?: string) => server.issueCode(id) } as TestServer;
  const ids: string[] = [];
  for (let p = 0; p < properties; p++) ids.push((await foundProperty(testServer)).propertyId);
  const desks: TestDesk[] = [];
  for (let d = 0; d < DESKS; d++)
    desks.push(await TestDesk.enrol(testServer, await server.issueCode(ids[d % properties])));

  // Every mutation as a desk queues guests.create: the guest row and its audit entry.
  const { guest, audit } = templates!;
  const batches = desks.map((desk, d) => {
    const mutations = Array.from({ length: PER_DESK }, (_, i) => {
      const guestId = uuidv7();
      const customerNo = `D${d}-${String(i).padStart(5, '0')}`;
      const auditEffect = auditLike(audit, uuidv7(), guestId, customerNo, i);
      auditEffect.row = { ...auditEffect.row, device_id: desk.deviceId, actor_id: AGENT };
      return desk.mutation('guests.create', [guestLike(guest, guestId, customerNo, d * PER_DESK + i), auditEffect], {
        actorId: AGENT,
      });
    });
    return Array.from({ length: PER_DESK / BATCH }, (_, b) => mutations.slice(b * BATCH, (b + 1) * BATCH));
  });

  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    desks.map(async (desk, d) => {
      for (const batch of batches[d]!) {
        const sent = performance.now();
        const reply = await desk.push(batch);
        latencies.push(performance.now() - sent);
        if (
          reply.status !== 200 ||
          reply.body.results.length !== batch.length ||
          reply.body.results.some((r) => r.status !== 'applied')
        ) {
          throw new Error(`push: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
        }
      }
    }),
  );
  const total = seconds(started);
  const count = DESKS * PER_DESK;
  const where = properties === 1 ? '1 property' : `${properties} properties`;
  report(
    backend,
    `push: ${DESKS} desks × ${PER_DESK} mutations (batches of ${BATCH}) at once, ${where}`,
    `${total.toFixed(1)} s, ${rate(count, total)}, request p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
  );
}

for (const backend of BACKENDS) {
  console.log(`\n== ${backend} ==`);
  let cluster: Cluster | null = null;
  let server: ServerProcess | null = null;
  try {
    if (backend === 'postgres') cluster = startCluster();
    server = await ServerProcess.start(backend, cluster?.url ?? null);
    await catchUp(backend, server);
    await bigPull(backend, server);
    await manyDesks(backend, server, 1);
    await manyDesks(backend, server, 10);
    const memory = server.memory();
    if (memory)
      report(
        backend,
        'server process RSS at end (peak)',
        `${memory.rss.toFixed(0)} MiB (${memory.peak.toFixed(0)} MiB)`,
      );
  } finally {
    await server?.close();
    cluster?.stop();
  }
}

const width = Math.max(...table.map((row) => row.figure.length));
console.log('\nSync benchmark (server in its own process on 127.0.0.1, real HTTP)');
for (const row of table) console.log(`${row.backend.padEnd(9)} ${row.figure.padEnd(width)}  ${row.value}`);
