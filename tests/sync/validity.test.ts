/**
 * Validity, not only sameness (fast-check): three desks of one property, each behind its own
 * proxy to a real server process, run random interleavings of offline bookings, changes,
 * cancellations, payments, points redemptions and rooms kept (排房) or released on shared bookings
 * and one member, with syncs
 * whose connection is cut before the server acts or after it (the answer lost), and the server
 * killed and restarted. Then the network heals and every desk syncs until nothing moves. The
 * result must be one a serial history could give (tests/sync/invariants.ts) on every desk and on
 * the server; every desk holds the same rows; every change the agents made either stands — the
 * booking it made under the number the guest was given — or is a work item on every desk, once;
 * and the server refused none of it. Set FC_SEED to replay a run; the seed is printed.
 */
import { FlakyProxy } from './network';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKENDS } from '../server/backends';
import { dispatch } from '../../src-main/services/rpc/dispatch';
import { ServerProcess } from '../support/server-process';
import type { Desk } from '../integration/desk';
import { foundingDesk, joiningDesk, propertyId, type Server } from './desks';
import { deskHoldings, serverHoldings, sharedRows, violations } from './invariants';

type Command =
  | { kind: 'book'; desk: number; suite: boolean; from: number; nights: number }
  | { kind: 'change'; desk: number; pick: number; suite: boolean; from: number; nights: number }
  | { kind: 'cancel'; desk: number; pick: number }
  | { kind: 'pay'; desk: number; pick: number; amount: number }
  | { kind: 'redeem'; desk: number; pick: number; points: number }
  | { kind: 'room'; desk: number; pick: number; room: number | null }
  | { kind: 'sync'; desk: number; fault: 'none' | 'before' | 'after' };

const DESKS = 3;
const desk = fc.integer({ min: 0, max: DESKS - 1 });
const pick = fc.nat({ max: 50 });
const from = fc.integer({ min: 0, max: 3 });
const nights = fc.integer({ min: 1, max: 2 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('book' as const), desk, suite: fc.boolean(), from, nights }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('change' as const), desk, pick, suite: fc.boolean(), from, nights }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), desk, pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      desk,
      pick,
      amount: fc.constantFrom(10_000, 40_000, 150_000),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      desk,
      pick,
      points: fc.constantFrom(500, 2_000, 4_000),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('room' as const),
      desk,
      pick,
      // One of the hotel's rooms (301, 302 standard; 501 suite), or none: the room released.
      room: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 4 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      desk,
      fault: fc.constantFrom('none' as const, 'none' as const, 'before' as const, 'after' as const),
    }),
  },
);
/** A third of the runs kill the server once, before the command at this position, and start it again on the same database. */
const scenario = fc.record({
  commands: fc.array(command, { minLength: 8, maxLength: 24 }),
  restartBefore: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 23 }) }),
});

const NUM_RUNS = 20;
/** The whole property, shrinking included, stops here and reports what it has (a failure found stays a failure). */
const TIME_LIMIT_MS = 50_000;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
/** Rounds of every desk syncing before the property must have gone quiet. */
const QUIET_ROUNDS = 8;

/** A stay in December, a fortnight out: free to cancel by the default terms. */
const day = (offset: number) => `2026-12-${String(10 + offset).padStart(2, '0')}`;
const BY_MESSAGE = { method: 'message' as const, reference: '电话确认' };

/** An intent an agent ran successfully at a desk: its id, its operation and time, and what it handed out. */
interface Ran {
  desk: number;
  id: string;
  name: string;
  at: string;
  booking?: { id: string; number: string };
}

describe.each(BACKENDS)('valid results whatever the interleaving, on %s', { timeout: 240_000 }, (backend) => {
  let server: ServerProcess;
  const proxies: FlakyProxy[] = [];

  beforeAll(async () => {
    server = await ServerProcess.start(backend, backend === 'postgres' ? inject('pgAdminUrl') : null);
    for (let i = 0; i < DESKS; i++) proxies.push(await FlakyProxy.start(server.port));
  }, 60_000);
  afterAll(async () => {
    for (const proxy of proxies.splice(0)) await proxy.close();
    await server?.close();
  });

  const via = (index: number): Server => ({
    url: proxies[index]!.url,
    issueCode: (property) => server.issueCode(property),
  });

  /** One minute passes at the desk, with someone at the keyboard. */
  async function tick(d: Desk): Promise<void> {
    d.clock.advanceMinutes(1);
    await d.call('auth.keepAlive');
  }

  async function confirmedBooking(d: Desk, index: number): Promise<{ id: string } | null> {
    const rows = await d.services.db
      .selectFrom('booking')
      .select('id')
      .where('status', '=', 'confirmed')
      .orderBy('id')
      .execute();
    return rows.length === 0 ? null : rows[index % rows.length]!;
  }

  /** Runs an operation at a desk; a refusal there is the agent's screen saying no, not a result. */
  async function attempt(d: Desk, index: number, name: string, input: unknown, ran: Ran[]): Promise<unknown> {
    await tick(d);
    const at = d.clock.now().toISOString();
    const result = await dispatch(d.services, name, input);
    if (!result.ok) return null;
    const [queued] = await d.services.db
      .selectFrom('outbox')
      .select(['id', 'name'])
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    if (queued?.name !== name) throw new Error(`${name} left no outbox row`);
    ran.push({ desk: index, id: queued.id, name, at });
    return result.value;
  }

  async function play(
    desks: Desk[],
    memberId: string,
    guestId: string,
    rooms: { standard: string; suite: string; rooms: Record<string, string> },
    commands: Command[],
    restartBefore: number | null,
    ran: Ran[],
  ): Promise<void> {
    for (const [step, c] of commands.entries()) {
      if (step === restartBefore) {
        // The server dies on the spot and comes back on the same database.
        await server.kill();
        await server.resume();
      }
      const d = desks[c.desk]!;
      if (c.kind === 'sync') {
        proxies[c.desk]!.mode = c.fault === 'none' ? 'pass' : c.fault;
        await d.services.sync.syncNow();
        proxies[c.desk]!.mode = 'pass';
        continue;
      }
      if (c.kind === 'book') {
        const input = {
          guestId,
          channel: 'phone',
          arrival: day(c.from),
          departure: day(c.from + c.nights),
          roomTypeId: c.suite ? rooms.suite : rooms.standard,
          adults: 1,
        };
        const booking = (await attempt(d, c.desk, 'bookings.create', input, ran)) as {
          id: string;
          number: string;
        } | null;
        if (booking) ran.at(-1)!.booking = { id: booking.id, number: booking.number };
        continue;
      }
      const booking = await confirmedBooking(d, c.pick);
      if (!booking) continue;
      if (c.kind === 'change') {
        const input = {
          id: booking.id,
          arrival: day(c.from),
          departure: day(c.from + c.nights),
          roomTypeId: c.suite ? rooms.suite : rooms.standard,
          ratePlanId: null,
          adults: 1,
          children: 0,
          specialRequests: '',
          authorisation: BY_MESSAGE,
        };
        await attempt(d, c.desk, 'bookings.change', input, ran);
      }
      if (c.kind === 'cancel')
        await attempt(
          d,
          c.desk,
          'bookings.cancel',
          { id: booking.id, reason: 'guest_request', refundMethod: 'cash' },
          ran,
        );
      if (c.kind === 'pay')
        await attempt(
          d,
          c.desk,
          'payments.record',
          { bookingId: booking.id, kind: 'payment', method: 'card', amountFen: c.amount, reference: '' },
          ran,
        );
      if (c.kind === 'redeem')
        await attempt(d, c.desk, 'members.redeem', { memberId, bookingId: booking.id, points: c.points }, ran);
      if (c.kind === 'room') {
        const roomId = c.room === null ? null : rooms.rooms[['301', '302', '501'][c.room]!]!;
        await attempt(d, c.desk, 'frontDesk.assignRoom', { bookingId: booking.id, roomId }, ran);
      }
    }
  }

  /** The property's version on the server: it stops moving once every desk has nothing left to say. */
  async function serverVersion(property: string): Promise<number> {
    const row = await server.db.db
      .selectFrom('property')
      .select('version')
      .where('id', '=', property)
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }

  /** Heals: every desk syncs, round after round, until no desk has anything pending and a whole round changed nothing. */
  async function syncUntilQuiet(desks: Desk[], property: string): Promise<void> {
    for (const proxy of proxies) proxy.mode = 'pass';
    let before = -1;
    for (let round = 0; round < QUIET_ROUNDS; round++) {
      for (const d of desks) await d.services.sync.syncNow();
      const pending = await Promise.all(desks.map(async (d) => (await d.call('sync.status')).pendingCount));
      const version = await serverVersion(property);
      if (pending.every((n) => n === 0) && version === before) return;
      before = version;
    }
    const stuck = await Promise.all(
      desks.map(async (d) => ({ desk: d.services.device.code, ...(await d.call('sync.status')) })),
    );
    throw new Error(
      `not quiet after ${QUIET_ROUNDS} rounds: ${JSON.stringify(stuck.map((s) => ({ desk: s.desk, pending: s.pendingCount, lastError: s.lastError, rejections: s.rejections })))}`,
    );
  }

  /** What the run left that a serial history of the agents' actions could not have. */
  async function findings(desks: Desk[], property: string, memberId: string, ran: Ran[]): Promise<string[]> {
    const out: string[] = [];
    // The balance a desk shows is its ledger's: posted entries and its redemptions still pending, nothing voided.
    for (const d of desks) {
      const shown = (await d.call('members.get', { id: memberId })).balance;
      const ledger = await d.services.db
        .selectFrom('points_entry')
        .select(['points', 'status'])
        .where('member_id', '=', memberId)
        .execute();
      const counted = ledger
        .filter((e) => e.status === 'posted' || e.status === 'pending')
        .reduce((total, e) => total + e.points, 0);
      if (shown !== counted)
        out.push(
          `desk ${d.services.device.code}: shows a balance of ${shown}, its posted and pending entries make ${counted}`,
        );
    }
    const reference = await sharedRows(desks[0]!.services.db);
    for (const d of desks.slice(1)) {
      const rows = await sharedRows(d.services.db);
      for (const table of Object.keys(reference)) {
        if (JSON.stringify(rows[table]) !== JSON.stringify(reference[table]))
          out.push(
            `desk ${d.services.device.code} holds other ${table} rows than desk ${desks[0]!.services.device.code}`,
          );
      }
    }
    for (const d of desks)
      for (const problem of violations(await deskHoldings(d.services.db)))
        out.push(`desk ${d.services.device.code}: ${problem}`);
    const onServer = await serverHoldings(server.db, property);
    for (const problem of violations(onServer)) out.push(`server: ${problem}`);

    const serverItems = onServer.sync_conflict.map((c) => `${String(c.id)}:${String(c.status)}`).sort();
    const deskItems = (reference.sync_conflict as { id: string; status: string }[])
      .map((c) => `${c.id}:${c.status}`)
      .sort();
    if (serverItems.join() !== deskItems.join())
      out.push(`the server holds other work items than the desks: ${serverItems.length} against ${deskItems.length}`);

    const items = (reference.sync_conflict as { kind: string; status: string; detail_json: string }[])
      .filter((c) => c.kind === 'rebase_refused')
      .map((c) => JSON.parse(c.detail_json) as { operation: string; desk: string; at: string });
    const itemKey = (operation: string, deskCode: string, at: string) => `${operation}@${deskCode}@${at}`;
    const itemCounts = new Map<string, number>();
    for (const item of items) {
      const key = itemKey(item.operation, item.desk, item.at);
      itemCounts.set(key, (itemCounts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of itemCounts) if (count > 1) out.push(`${count} work items for one refused change ${key}`);

    const results = await server.db.db
      .selectFrom('push_result')
      .select(['mutation_id', 'status', 'reason', 'detail'])
      .where('mutation_id', 'in', ran.length ? ran.map((r) => r.id) : ['-'])
      .execute();
    const answered = new Map(results.map((r) => [r.mutation_id, r]));
    const bookings = new Map((reference.booking as { id: string; number: string }[]).map((b) => [b.id, b.number]));
    for (const intent of ran) {
      const code = desks[intent.desk]!.services.device.code;
      const what = `${intent.name} at desk ${code} ${intent.at}`;
      const answer = answered.get(intent.id);
      const itemised = itemCounts.has(itemKey(intent.name, code, intent.at));
      if (answer?.status === 'rejected')
        out.push(
          `${what}: refused by the server (${String(answer.reason)}: ${String(answer.detail)}) instead of rebased`,
        );
      if (!answer && !itemised) out.push(`${what}: neither on the server nor a work item`);
      if (
        intent.booking &&
        answer &&
        answer.status !== 'rejected' &&
        bookings.get(intent.booking.id) !== intent.booking.number
      ) {
        out.push(
          `${what}: booking ${intent.booking.number} (${intent.booking.id}) is not on the desks as the guest was told (${bookings.has(intent.booking.id) ? bookings.get(intent.booking.id) : 'missing'})`,
        );
      }
    }
    return out;
  }

  it('leaves every booking and every member valid on every desk and the server, and every refused change a work item everywhere', async () => {
    console.log(`validity property on ${backend}: seed ${SEED} (FC_SEED=${SEED} replays it)`);
    const details = await fc.check(
      fc.asyncProperty(scenario, async ({ commands, restartBefore }) => {
        const { desk: a, hotel } = await foundingDesk(via(0));
        const desks = [a];
        try {
          // The shared guest is a member with points to spend, and two bookings every desk knows.
          const member = await a.call('members.enrol', { guestId: hotel.guest });
          const grant = await a.call('approvals.request', {
            operation: 'members.adjust',
            input: { memberId: member.id, points: 6_000, note: '开业赠送' },
            reason: '开业活动',
          });
          await a.call('approvals.approveAtDesk', { requestId: grant.id, username: 'chen', password: 'chen-pass-1' });
          for (const roomTypeId of [hotel.standard, hotel.suite])
            await a.call('bookings.create', {
              guestId: hotel.guest,
              channel: 'phone',
              arrival: day(0),
              departure: day(2),
              roomTypeId,
              adults: 1,
            });
          await a.services.sync.syncNow();
          for (let i = 1; i < DESKS; i++) desks.push(await joiningDesk(via(i), a));

          const ran: Ran[] = [];
          await play(desks, member.id, hotel.guest, hotel, commands, restartBefore, ran);
          const property = await propertyId(a);
          await syncUntilQuiet(desks, property);
          expect(await findings(desks, property, member.id, ran)).toEqual([]);
        } finally {
          for (const d of desks) await d.close();
        }
      }),
      { numRuns: NUM_RUNS, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    console.log(
      `validity property on ${backend}, seed ${SEED}: ${details.numRuns} runs${details.interrupted ? ', stopped at the time limit' : ''}`,
    );
    if (details.failed)
      throw new Error(fc.defaultReportMessage(details) ?? 'property failed', { cause: details.errorInstance });
  });
});
