/**
 * `npm run bench` (complaints): the complaint lists and the badge's counts on a desk holding
 * BENCH_COMPLAINTS tickets (100,000 by default) over two years — 95% closed, the rest open,
 * responded or resolved, some of them waiting on the guest, with their timelines (opened,
 * responded, paused and resumed, handed over, escalated, resolved, closed). p50 / p95 of
 * listComplaints for each view and severity and of complaintCounts, cold (the first call after the
 * policy changed, when every due instant is worked out again on the calendar) and warm (the due
 * instants known). Target: p95 < 50 ms warm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { COMPLAINT_SEVERITIES, COMPLAINT_VIEWS, type ComplaintSeverity, type ComplaintView } from '@shared/contract';
import { complaintCounts } from '../../src-main/services/complaints/counts';
import { listComplaints } from '../../src-main/services/complaints/read';
import { createServices } from '../../src-main/services/services';
import type { Session } from '../../src-main/services/session-holder';
import { must, percentile, timeEach } from './measure';

const COMPLAINTS = Number(process.env['BENCH_COMPLAINTS'] ?? 100_000);
const AGENTS = 20;
const WARM = 100;
const COLD = 10;
const NOW = new Date('2026-11-26T02:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ms = (value: number) => `${value.toFixed(2)} ms`;
const stats = (times: number[]) => `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-bench-complaints-'));
const services = await createServices({ dataDir, clock: { now: () => NOW } });
await must(services, 'setup.initialize', {
  property: { name: 'Bench', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
  recoveryPassphrase: 'bench-recovery-lantern-morning',
});
const { sqlite, db } = services;

const staff = async (username: string, role: 'agent' | 'supervisor') =>
  (
    (await must(services, 'staff.create', {
      username,
      displayName: username,
      role,
      password: `${username}-pass-1`,
    })) as {
      id: string;
    }
  ).id;
const agents: string[] = [];
for (let a = 0; a < AGENTS; a++) agents.push(await staff(`agent${a}`, 'agent'));
const supervisors = [await staff('super0', 'supervisor'), await staff('super1', 'supervisor')];

// A small deterministic generator, so every run holds the same desk.
let seed = 13;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
const iso = (millis: number) => new Date(millis).toISOString();

// Scale data, written raw in one transaction (the generator is not what is measured).
const started = performance.now();
const insertComplaint =
  sqlite.prepare(`INSERT INTO complaint (id, number, opened_at, opened_by, device, channel, category, severity,
  guest_id, booking_id, ticket_order_id, description, expectation, status, owner_id, pending_owner_id, responded_at, resolved_at,
  closed_at, co_owner_id, signed_off_by, signed_off_at, waiting_since, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const insertEvent = sqlite.prepare(
  `INSERT INTO complaint_event (id, complaint_id, at, staff_id, kind, target_staff_id, note) VALUES (?, ?, ?, ?, ?, ?, '')`,
);
const CATEGORIES = ['room', 'cleanliness', 'noise', 'billing', 'staff', 'facilities', 'food', 'ticketing', 'other'];
const CHANNELS = ['in_person', 'phone', 'online_review', 'ota_message', 'letter'];
let events = 0;
const mix: Record<string, number> = {};
sqlite.transaction(() => {
  for (let i = 0; i < COMPLAINTS; i++) {
    const roll = random();
    const severity: ComplaintSeverity = roll < 0.85 ? 'general' : roll < 0.97 ? 'major' : 'group';
    const closed = i < COMPLAINTS * 0.95;
    // Closed tickets over the two years before the last month; the others in the last 30 days.
    const openedAt = closed
      ? NOW.getTime() - 30 * DAY - Math.floor(random() * 700 * DAY)
      : NOW.getTime() - Math.floor(random() * 30 * DAY);
    const state = closed ? 'closed' : pick(['open', 'open', 'responded', 'responded', 'resolved'] as const);
    mix[state] = (mix[state] ?? 0) + 1;
    const id = uuidv7();
    const opener = pick(agents);
    let owner = opener;
    const coOwner = severity !== 'general' && (closed || random() < 0.6) ? pick(supervisors) : null;
    const event = (at: number, staffId: string, kind: string, target: string | null = null) => {
      insertEvent.run(uuidv7(), id, iso(at), staffId, kind, target);
      events++;
    };
    event(openedAt, opener, 'opened');
    let at = openedAt + Math.floor(random() * 4 * HOUR);
    const respondedAt = state === 'open' ? null : at;
    if (respondedAt !== null) event(respondedAt, owner, 'responded');
    if (coOwner !== null) event(at + 60_000, owner, 'escalated', coOwner);
    if (random() < 0.1) {
      const receiver = pick(agents.filter((agent) => agent !== owner));
      event(at + 120_000, owner, 'handover_offered', receiver);
      event(at + 600_000, receiver, 'handover_accepted');
      owner = receiver;
    }
    // A tenth of the running tickets wait on the guest now; a fifth of all waited once.
    let waitingSince: string | null = null;
    if (random() < 0.2) {
      at += HOUR;
      event(at, owner, 'paused');
      if (!closed && state !== 'resolved' && random() < 0.5) waitingSince = iso(at);
      else event((at += Math.floor(random() * 2 * DAY)), owner, 'resumed');
    }
    let resolvedAt: number | null = null;
    if (state === 'resolved' || state === 'closed') {
      resolvedAt = at + Math.floor(random() * 5 * DAY);
      event(resolvedAt, owner, 'resolved');
    }
    let closedAt: number | null = null;
    if (state === 'closed') {
      closedAt = resolvedAt! + HOUR;
      event(closedAt, coOwner ?? owner, coOwner ? 'signed_off' : 'closed');
    }
    const updatedAt = iso(closedAt ?? resolvedAt ?? at);
    const date = new Date(openedAt + 8 * HOUR).toISOString().slice(2, 10).replaceAll('-', '');
    insertComplaint.run(
      id,
      `K${date}-BNCH-${String(i).padStart(6, '0')}`,
      iso(openedAt),
      opener,
      services.device.id,
      pick(CHANNELS),
      pick(CATEGORIES),
      severity,
      '客人反映的问题',
      state,
      owner,
      !closed && random() < 0.05 ? pick(agents.filter((agent) => agent !== owner)) : null,
      respondedAt === null ? null : iso(respondedAt),
      resolvedAt === null ? null : iso(resolvedAt),
      closedAt === null ? null : iso(closedAt),
      coOwner,
      closed && coOwner ? coOwner : null,
      closed && coOwner ? iso(closedAt!) : null,
      waitingSince,
      iso(openedAt),
      updatedAt,
    );
  }
})();
// As a desk holds them once synced: nothing of the seeding left for the outbox to take.
sqlite.exec('DELETE FROM sync_touched; DELETE FROM temp.sync_before; ANALYZE;');
console.log(
  `scale data: ${COMPLAINTS.toLocaleString('en')} complaints (${Object.entries(mix)
    .map(([state, n]) => `${n.toLocaleString('en')} ${state}`)
    .join(
      ', ',
    )}), ${events.toLocaleString('en')} timeline events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

/** A policy change every desk may receive at any time: a correction of the calendar, on and off. */
let flips = 0;
async function changePolicy() {
  const date = '2027-12-31';
  if (flips++ % 2 === 0)
    await db.insertInto('working_day_correction').values({ date, working: 1, note: 'bench' }).execute();
  else await db.deleteFrom('working_day_correction').where('date', '=', date).execute();
}

/** Each call timed right after a policy change (cold), then with the due instants known (warm). */
async function coldAndWarm(run: () => Promise<unknown>): Promise<string> {
  const cold: number[] = [];
  for (let i = 0; i < COLD; i++) {
    await changePolicy();
    const begun = performance.now();
    await run();
    cold.push(performance.now() - begun);
  }
  await run();
  return `cold ${stats(cold)}; warm ${stats(await timeEach(WARM, run))}`;
}

const mine = agents[0]!;
const supervisor = supervisors[0]!;
const cases: { label: string; staffId: string; view: ComplaintView; severity: ComplaintSeverity | null }[] = [
  ...COMPLAINT_VIEWS.map((view) => ({
    label: view,
    staffId: view === 'mine' ? mine : supervisor,
    view,
    severity: null,
  })),
  ...COMPLAINT_SEVERITIES.map((severity) => ({
    label: `open, ${severity}`,
    staffId: supervisor,
    view: 'open' as const,
    severity,
  })),
];
for (const { label, staffId, view, severity } of cases) {
  const run = () => listComplaints(db, staffId, { view, severity, guestId: null, bookingId: null, limit: 200 }, NOW);
  const times = await coldAndWarm(run);
  console.log(`listComplaints ${label} (${(await run()).length} listed): ${times}`);
}

const session = (staffId: string, role: Session['role']): Session => ({
  staffId,
  username: staffId,
  displayName: staffId,
  role,
  signedInAt: NOW,
  lastActivityAt: NOW,
  locked: false,
  signer: null,
});
for (const [label, who] of [
  ['a supervisor (every running ticket)', session(supervisor, 'supervisor')],
  ['an agent (their own)', session(mine, 'agent')],
] as const)
  console.log(`complaintCounts for ${label}: ${await coldAndWarm(() => complaintCounts(db, who, NOW))}`);

await services.close();
fs.rmSync(dataDir, { recursive: true, force: true });
