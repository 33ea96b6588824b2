/**
 * `npm run bench` (rebase): a desk that took 1,000 payments offline on bookings another desk
 * changed meanwhile, so the server calls its work stale and every intent is run again through its
 * own handler (src-main/sync/rebase.ts). The real server (`src-server/cli.ts`, its own process on
 * 127.0.0.1) over real HTTP, on SQLite and on a throwaway PostgreSQL cluster:
 *   - desk A founds the hotel (20 standard rooms), makes 1,000 one-night bookings and syncs;
 *     desk B joins and pulls them;
 *   - B, offline, records a deposit on each booking (1,000 pending payments.record, each based
 *     on its booking's version); A changes each booking (bookings.change: a special request) and
 *     syncs;
 *   - B syncs, one step at a time as its sync loop does: the push the server answers stale, the
 *     pull that rebases (pending undone, the server's rows written, each intent run again), the
 *     push of the re-run intents (the server checks each one's bases again), the pull after.
 * The pull rebases on every page that touches pending work, so the runs again are counted too.
 * Every figure is checked: each intent re-run and accepted, nothing refused, no work item, the
 * server holding A's change and B's deposit on every booking. Not a test: it prints figures to
 * compare between builds. BENCH_REBASE_BACKENDS=sqlite|postgres to run one backend;
 * BENCH_REBASE_INTENTS to change the size.
 */
import { ADMIN, signIn, type Desk } from '../integration/desk';
import { rerunIntent } from '../../src-main/services/rpc/rerun';
import { pull, push } from '../../src-main/sync/exchange';
import type { SyncHost } from '../../src-main/sync/host';
import type { Link } from '../../src-main/sync/http';
import { foundingDesk, joiningDesk, propertyId } from '../sync/desks';
import { ServerProcess, startCluster, type Backend, type Cluster } from '../support/server-process';
import { call, closeDesk, syncClean } from './sync-rig';

const INTENTS = Number(process.env['BENCH_REBASE_INTENTS'] ?? 1_000);
const BACKENDS = (process.env['BENCH_REBASE_BACKENDS'] ?? 'sqlite,postgres').split(',') as Backend[];
/** Standard rooms, and so bookings per night; the stays run over as many nights as INTENTS needs. */
const ROOMS = 20;
const FIRST_NIGHT = Date.UTC(2026, 11, 1);
const BY_MESSAGE = { method: 'message' as const, reference: '微信确认' };

const seconds = (since: number) => (performance.now() - since) / 1000;
const rate = (count: number, s: number) => `${Math.round(count / s).toLocaleString('en')}/s`;
const day = (offset: number) => new Date(FIRST_NIGHT + offset * 86_400_000).toISOString().slice(0, 10);
const table: { backend: Backend; figure: string; value: string }[] = [];
function report(backend: Backend, figure: string, value: string): void {
  table.push({ backend, figure, value });
  console.log(`  ${figure}: ${value}`);
}

async function count(desk: Desk, name: string): Promise<number> {
  const { n } = await desk.services.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function rebase(backend: Backend, server: ServerProcess): Promise<void> {
  let started = performance.now();
  const { desk: a, hotel } = await foundingDesk(server);
  await signIn(a, 'admin', ADMIN.password);
  for (let r = 3; r <= ROOMS; r++)
    await call(a, 'rooms.save', { number: String(400 + r), floor: 4, roomTypeId: hotel.standard });
  await signIn(a, 'lina');
  const bookings: { id: string; arrival: string; departure: string }[] = [];
  for (let i = 0; i < INTENTS; i++) {
    const night = Math.floor(i / ROOMS);
    const stay = { arrival: day(night), departure: day(night + 1) };
    const booking = await a.call('bookings.create', {
      channel: 'phone',
      ...stay,
      adults: 1,
      guestId: hotel.guest,
      roomTypeId: hotel.standard,
    });
    bookings.push({ id: booking.id, ...stay });
  }
  await syncClean(a);
  const b = await joiningDesk(server, a);
  await syncClean(b);
  console.log(`  (setup: ${INTENTS} bookings on desk A, desk B joined: ${seconds(started).toFixed(1)} s)`);

  // B, not syncing, takes a deposit on every booking; A changes every one and syncs.
  started = performance.now();
  for (const booking of bookings)
    await b.call('payments.record', { bookingId: booking.id, kind: 'deposit', method: 'cash', amountFen: 10_000 });
  const local = seconds(started);
  report(
    backend,
    `rebase: ${INTENTS.toLocaleString('en')} payments.record offline on desk B (local)`,
    `${local.toFixed(1)} s, ${rate(INTENTS, local)}`,
  );
  for (const booking of bookings) {
    await a.call('bookings.change', {
      ...booking,
      roomTypeId: hotel.standard,
      ratePlanId: null,
      adults: 1,
      children: 0,
      specialRequests: '加床',
      authorisation: BY_MESSAGE,
    });
  }
  await syncClean(a);
  if ((await count(b, 'payments.record')) !== INTENTS)
    throw new Error(`desk B holds ${await count(b, 'payments.record')} pending payments, expected ${INTENTS}`);

  // B syncs as its loop does, each step timed; every run again counted.
  let reruns = 0;
  let refused = 0;
  const host: SyncHost = {
    db: b.services.db,
    sqlite: b.services.sqlite,
    device: b.services.device,
    clock: b.services.clock,
    rerun: async (trx, intent) => {
      const result = await rerunIntent(b.services, trx, intent);
      reruns += 1;
      if (!result.ok) refused += 1;
      return result;
    },
  };
  const state = await b.services.db
    .selectFrom('sync_state')
    .select(['server_url', 'allow_insecure'])
    .executeTakeFirstOrThrow();
  const link: Link = {
    serverUrl: state.server_url!,
    allowInsecure: state.allow_insecure === 1,
    token: (await b.services.sync.tokens.read())!,
  };
  let pages = 0;
  let pulled = 0;
  let pushed = 0;
  const track = (step: { pushed?: number; pulled?: number }) => {
    if (step.pulled !== undefined) {
      pages += 1;
      pulled += step.pulled;
    }
    pushed += step.pushed ?? 0;
  };

  started = performance.now();
  const stale = await push(host, link, track);
  const stalePush = seconds(started);
  if (!stale) throw new Error('the server did not call desk B’s payments stale');

  started = performance.now();
  await pull(host, link, track, true);
  const rebasePull = seconds(started);
  const rebased = await count(b, 'payments.record');
  if (rebased !== INTENTS || refused !== 0)
    throw new Error(
      `after the rebase desk B holds ${rebased} pending payments (${refused} refused), expected ${INTENTS}`,
    );
  report(
    backend,
    `rebase: pull of ${pulled.toLocaleString('en')} rows in ${pages} pages, rebasing ${INTENTS.toLocaleString('en')} pending (${reruns.toLocaleString('en')} runs again)`,
    `${rebasePull.toFixed(1)} s (stale push before it ${(stalePush * 1000).toFixed(0)} ms)`,
  );

  const waiting = (await b.call('sync.status')).pendingCount;
  pushed = 0;
  started = performance.now();
  if (await push(host, link, track)) throw new Error('the re-run intents were called stale again');
  const again = seconds(started);
  report(
    backend,
    `rebase: push again of ${waiting.toLocaleString('en')} pending (${INTENTS.toLocaleString('en')} re-run, bases checked)`,
    `${again.toFixed(1)} s, ${rate(pushed, again)}`,
  );
  started = performance.now();
  await pull(host, link, track);
  report(backend, 'rebase: pull after (the desk\u2019s own rows back)', `${seconds(started).toFixed(1)} s`);

  // Settled: nothing pending or refused, and the server holds A's change and B's deposit on every booking.
  await syncClean(b);
  const status = await b.call('sync.status');
  if (status.rejections.length > 0 || status.openConflicts > 0)
    throw new Error(`desk B: ${status.rejections.length} rejections, ${status.openConflicts} open conflicts`);
  const property = await propertyId(a);
  const rows = async (name: string) =>
    (
      await server.db.db
        .selectFrom('sync_row')
        .select('data')
        .where('property_id', '=', property)
        .where('table_name', '=', name)
        .where('deleted', '=', 0)
        .execute()
    ).map((row) => JSON.parse(row.data!) as Record<string, unknown>);
  const ids = new Set(bookings.map((booking) => booking.id));
  const deposits = (await rows('payment')).filter((row) => ids.has(String(row.booking_id)) && row.kind === 'deposit');
  const changed = (await rows('booking')).filter((row) => ids.has(String(row.id)) && row.special_requests === '加床');
  if (deposits.length !== INTENTS || changed.length !== INTENTS)
    throw new Error(
      `server holds ${deposits.length} deposits and ${changed.length} changed bookings, expected ${INTENTS} each`,
    );

  for (const desk of [a, b]) await closeDesk(desk);
}

for (const backend of BACKENDS) {
  console.log(`\n== ${backend} ==`);
  let cluster: Cluster | null = null;
  let server: ServerProcess | null = null;
  try {
    if (backend === 'postgres') cluster = startCluster();
    server = await ServerProcess.start(backend, cluster?.url ?? null);
    await rebase(backend, server);
  } finally {
    await server?.close();
    cluster?.stop();
  }
}

const width = Math.max(...table.map((row) => row.figure.length));
console.log('\nRebase benchmark (server in its own process on 127.0.0.1, real HTTP)');
for (const row of table) console.log(`${row.backend.padEnd(9)} ${row.figure.padEnd(width)}  ${row.value}`);
