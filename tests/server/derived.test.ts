/**
 * Derived values are the server's to work out: a real desk sells, cancels, waives, checks out and
 * redeems against a real server, and each of those is applied; a copy of the same outbox entry,
 * tampered and pushed raw with the desk's own token ahead of it — a ¥986 suite at 1 fen a night, a
 * penalty quietly dropped, a refund beyond what was paid, points inflated — is refused
 * VALUE_MISMATCH and leaves the server as it was; so are a ticket sold at a made-up price and a
 * no-show let off its penalty. A desk that sold offline on prices another desk
 * has since changed is honest and its sale stands; the same old price from a desk that had synced
 * since is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DESK_SCHEMA_VERSION,
  type Effect,
  type PushedMutation,
  type PushResponse,
  type PushResult,
} from '@shared/sync/protocol';
import type { SyncRow } from '@shared/sync/tables';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushedMutation } from '../../src-main/sync/exchange';
import { TOKEN_FILE } from '../../src-main/vault/secret-store';
import { ADMIN, overrideApprovedAtDesk, signIn, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { foundingDesk, joiningDesk, propertyId, syncAll } from '../sync/desks';
import { BACKENDS, serverFor } from './backends';
import { post } from './desk';
import { asDeskWould } from './desk-signing';
import type { TestServer } from './harness';

type Mutation = Omit<PushedMutation, 'seq'>;

const SUITE_NIGHT = 98_600;
/** From 60 days before arrival (so at once, for these stays) cancelling costs the first night; a no-show too. */
const FIRST_NIGHT_TERMS = {
  graceHours: null,
  tiers: [{ from: { kind: 'hours_before' as const, hours: 1_440 }, penalty: { kind: 'first_night' as const } }],
  noShow: { kind: 'first_night' as const },
  nonRefundable: false,
};

/** The desk's outbox as its sync would push it, oldest first. */
async function outbox(desk: Desk): Promise<{ seq: number; mutation: Mutation }[]> {
  const rows = await desk.services.db.selectFrom('outbox').selectAll().orderBy('seq').execute();
  return rows.map((row) => {
    const { seq, ...mutation } = pushedMutation(row);
    return { seq, mutation };
  });
}

/** A copy under a fresh mutation id with some of its rows changed. */
function tampered(mutation: Mutation, change: (effect: Effect) => Effect | null): Mutation {
  const effects = mutation.effects.map(change).filter((effect): effect is Effect => effect !== null);
  return { ...mutation, id: uuidv7(), effects };
}

/** Changes rows of one table (`match` picks which) and leaves the others; an update claims the columns it changes. */
function rows(table: string, patch: (row: SyncRow) => SyncRow, match: (row: SyncRow) => boolean = () => true) {
  return (effect: Effect): Effect => {
    if (effect.table !== table || effect.row === null || !match(effect.row)) return effect;
    const row = patch(effect.row);
    const changed = Object.keys(row).filter((column) => row[column] !== effect.row![column]);
    return { ...effect, row, ...(effect.columns && { columns: [...new Set([...effect.columns, ...changed])] }) };
  };
}

const nights =
  (...prices: number[]) =>
  (row: SyncRow): SyncRow => {
    const stay = JSON.parse(String(row.nights_json)) as { night: string }[];
    return {
      ...row,
      nights_json: JSON.stringify(stay.map((n, i) => ({ night: n.night, priceFen: prices[i] ?? prices.at(-1)! }))),
    };
  };

describe.each(BACKENDS)('derived values worked out by the server on %s', (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;
  let property: string;
  let suitePlan: string;

  beforeAll(async () => {
    server = await serverFor(backend);
    ({ desk: a, hotel } = await foundingDesk(server));
    property = await propertyId(a);
    await signIn(a, 'admin', ADMIN.password);
    suitePlan = (
      await a.call('ratePlans.save', {
        code: 'STE986',
        name: '套房价',
        channels: ['walk_in', 'phone'],
        cancellationPolicy: FIRST_NIGHT_TERMS,
        prices: [
          {
            roomTypeId: hotel.suite,
            startDate: '2026-11-01',
            endDate: '2026-12-31',
            weekdays: 0b1111111,
            priceFen: SUITE_NIGHT,
          },
        ],
      })
    ).id;
    await signIn(a, 'lina');
    b = await joiningDesk(server, a);
    await syncAll(a, b);
  });

  afterAll(async () => {
    for (const desk of [a, b]) {
      if (!desk) continue;
      await desk.close();
      fs.rmSync(desk.dataDir, { recursive: true, force: true });
    }
    await server?.close();
  });

  /** The property's rows on the server: what a refused push must leave as it was. */
  async function serverState() {
    const { db } = server.db;
    return {
      rows: await db
        .selectFrom('sync_row')
        .select(['table_name', 'row_key', 'data', 'deleted', 'version'])
        .where('property_id', '=', property)
        .orderBy('version')
        .execute(),
      version: (await db.selectFrom('property').select('version').where('id', '=', property).executeTakeFirstOrThrow())
        .version,
    };
  }

  async function serverRow(table: string, key: string): Promise<SyncRow | null> {
    const stored = await server.db.db
      .selectFrom('sync_row')
      .select('data')
      .where('property_id', '=', property)
      .where('table_name', '=', table)
      .where('row_key', '=', key)
      .executeTakeFirst();
    return stored?.data ? (JSON.parse(stored.data) as SyncRow) : null;
  }

  async function push(desk: Desk, mutations: PushedMutation[]): Promise<PushResult[]> {
    const token = fs.readFileSync(path.join(desk.dataDir, TOKEN_FILE), 'utf8');
    const sent = await Promise.all(mutations.map((mutation) => asDeskWould(desk, mutation)));
    const reply = await post<PushResponse>(
      server.url,
      '/sync/push',
      { deviceId: desk.services.device.id, schemaVersion: DESK_SCHEMA_VERSION, mutations: sent },
      token,
    );
    if (reply.status !== 200) throw new Error(`push answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body.results;
  }

  /**
   * The desk's last pending `name`, tampered, pushed raw with the desk's token under the sequence
   * numbers it was about to use (what it queued before goes up first, as it is); the desk's own
   * entries move up past them, so its next sync sends the honest ones. Returns the server's
   * answers and its rows just before and after the tampered copies.
   */
  async function tamperWith(desk: Desk, name: string, variants: (mutation: Mutation) => Mutation[]) {
    const pending = await outbox(desk);
    const target = pending.findLast((entry) => entry.mutation.name === name);
    if (!target) throw new Error(`no ${name} waiting at the desk`);
    const before = pending.filter((entry) => entry.seq < target.seq);
    if (before.length)
      expect(
        (
          await push(
            desk,
            before.map(({ seq, mutation }) => ({ ...mutation, seq })),
          )
        ).map((r) => r.status),
      ).not.toContain('rejected');
    const copies = variants(target.mutation);
    const state = await serverState();
    const results = await push(
      desk,
      copies.map((mutation, i) => ({ ...mutation, seq: target.seq + i })),
    );
    const after = await serverState();
    desk.services.sqlite.prepare('UPDATE outbox SET seq = -(seq + ?) WHERE seq >= ?').run(copies.length, target.seq);
    desk.services.sqlite.prepare('UPDATE outbox SET seq = -seq WHERE seq < 0').run();
    desk.services.sqlite.prepare('UPDATE device SET last_seq = last_seq + ?').run(copies.length);
    return { results, state, after };
  }

  /** Syncs and expects the desk's own entries applied: nothing pending, nothing refused. */
  async function applied(desk: Desk): Promise<void> {
    await syncAll(desk);
    const status = await desk.call('sync.status');
    expect(status.lastError).toBeNull();
    expect(status.rejections).toEqual([]);
    expect(status.pendingCount).toBe(0);
  }

  function refused(results: PushResult[], ...details: RegExp[]): void {
    expect(results.map((r) => r.status)).toEqual(details.map(() => 'rejected'));
    details.forEach((detail, i) =>
      expect(results[i]).toMatchObject({ reason: 'VALUE_MISMATCH', detail: expect.stringMatching(detail) }),
    );
  }

  function suiteStay(arrival: string, departure: string) {
    return {
      guestId: hotel.guest,
      channel: 'phone' as const,
      arrival,
      departure,
      roomTypeId: hotel.suite,
      ratePlanId: suitePlan,
      adults: 2,
    };
  }

  it('a ¥986 suite sold at 1 fen a night, with a total that does not add up, short of a night or on free terms is refused; the real sale stands', async () => {
    const sale = await a.call('bookings.create', suiteStay('2026-12-01', '2026-12-03'));
    expect(sale.totalFen).toBe(2 * SUITE_NIGHT);

    const { results, state, after } = await tamperWith(a, 'bookings.create', (real) => [
      tampered(
        real,
        rows('booking', (row) => ({ ...nights(1)(row), total_fen: 2 })),
      ),
      tampered(
        real,
        rows('booking', (row) => ({ ...row, total_fen: 100 })),
      ),
      tampered(real, (effect) =>
        effect.table === 'booking_night' && effect.row?.night === '2026-12-02' ? null : effect,
      ),
      tampered(
        real,
        rows('booking', (row) => ({
          ...row,
          cancellation_policy_json: JSON.stringify({
            graceHours: null,
            tiers: [],
            noShow: { kind: 'none' },
            nonRefundable: false,
          }),
        })),
      ),
    ]);

    refused(
      results,
      /night 2026-12-01 at 1, the rate gives 98600/,
      /total 100, its nights add up to 197200/,
      /holds nights/,
      /cancellation terms are not the rate plan's/,
    );
    expect(after).toEqual(state);
    await applied(a);
    expect(await serverRow('booking', sale.id)).toMatchObject({ total_fen: 2 * SUITE_NIGHT, status: 'confirmed' });
  });

  it('a desk that sold offline on prices another desk has since changed is honest; the old price from a desk that had synced since is refused', async () => {
    // Desk b is offline; the front office raises the weekend rate of the standard room meanwhile.
    await signIn(a, 'admin', ADMIN.password);
    await a.call('ratePlans.save', {
      id: hotel.plan,
      code: 'BAR',
      name: '门市价',
      channels: ['walk_in', 'phone'],
      prices: [
        {
          roomTypeId: hotel.standard,
          startDate: '2026-11-01',
          endDate: '2026-12-31',
          weekdays: 0b0110000,
          priceFen: 68_800,
        },
      ],
    });
    await signIn(a, 'lina');
    await applied(a);

    const weekend = {
      guestId: hotel.guest,
      channel: 'walk_in' as const,
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
      adults: 1,
    };
    const offline = await b.call('bookings.create', { ...weekend, arrival: '2026-12-04', departure: '2026-12-06' });
    expect(offline.totalFen).toBe(2 * 58_800);
    await applied(b);
    expect(await serverRow('booking', offline.id)).toMatchObject({ total_fen: 2 * 58_800 });

    // Desk b now holds the new rate; a sale at the old one is no longer an honest mistake.
    const online = await b.call('bookings.create', { ...weekend, arrival: '2026-12-11', departure: '2026-12-13' });
    expect(online.totalFen).toBe(2 * 68_800);
    const { results, state, after } = await tamperWith(b, 'bookings.create', (real) => [
      tampered(
        real,
        rows('booking', (row) => ({ ...nights(58_800)(row), total_fen: 2 * 58_800 })),
      ),
    ]);
    refused(results, /night 2026-12-11 at 58800, the rate gives 68800/);
    expect(after).toEqual(state);
    await applied(b);
    await syncAll(a);
  });

  it('a price override approved for ¥900 a night cannot carry other prices under the same approval', async () => {
    const booking = await a.call('bookings.create', suiteStay('2026-12-07', '2026-12-09'));
    await applied(a);
    await overrideApprovedAtDesk(a, booking.id, 90_000);

    const { results, state, after } = await tamperWith(a, 'bookings.overridePrice', (real) => [
      tampered(
        real,
        rows('booking', (row) => ({ ...nights(1)(row), total_fen: 2 })),
      ),
      tampered(
        real,
        rows('booking', (row) => ({ ...row, total_fen: 100 })),
      ),
    ]);

    refused(results, /nights are not .* at 90000/, /total 100, 2 nights at 90000 make 180000/);
    expect(after).toEqual(state);
    await applied(a);
    expect(await serverRow('booking', booking.id)).toMatchObject({ total_fen: 180_000 });
  });

  it('a cancellation that drops its penalty or refunds beyond what was paid is refused; so is a waiver refunding more than the guest paid beyond the new penalty', async () => {
    const booking = await a.call('bookings.create', suiteStay('2026-12-20', '2026-12-22'));
    await a.call('payments.record', {
      bookingId: booking.id,
      kind: 'payment',
      method: 'card',
      amountFen: 2 * SUITE_NIGHT,
      reference: 'POS-1',
    });
    await applied(a);
    const cancellation = await a.call('bookings.cancel', {
      id: booking.id,
      reason: 'guest_request',
      note: '行程变更',
      refundMethod: 'card',
    });
    expect(cancellation).toMatchObject({ penaltyFen: SUITE_NIGHT, refundFen: SUITE_NIGHT });

    const isRefund = (row: SyncRow) => row.kind === 'refund';
    const cancelled = await tamperWith(a, 'bookings.cancel', (real) => [
      // The penalty waived with no approval: nothing kept, everything back.
      tampered(real, (effect) =>
        rows(
          'payment',
          (row) => ({ ...row, amount_fen: -2 * SUITE_NIGHT }),
          isRefund,
        )(
          rows('booking', (row) => ({ ...row, total_fen: 0 }))(
            rows('cancellation', (row) => ({ ...row, penalty_fen: 0, refund_fen: 2 * SUITE_NIGHT }))(effect),
          ),
        ),
      ),
      // The record right, the money handed back more than was paid.
      tampered(
        real,
        rows('payment', (row) => ({ ...row, amount_fen: -300_000 }), isRefund),
      ),
      tampered(real, (effect) =>
        rows(
          'payment',
          (row) => ({ ...row, amount_fen: -300_000 }),
          isRefund,
        )(rows('cancellation', (row) => ({ ...row, refund_fen: 300_000 }))(effect)),
      ),
    ]);
    refused(
      cancelled.results,
      /penalty 0, its terms make it 98600/,
      /refunds 300000, paid 197200 less the penalty 98600 is 98600/,
      /refund 300000, the server makes it 98600/,
    );
    expect(cancelled.after).toEqual(cancelled.state);
    await applied(a);
    expect(await serverRow('cancellation', cancellation.id)).toMatchObject({
      penalty_fen: SUITE_NIGHT,
      refund_fen: SUITE_NIGHT,
    });

    const input = { cancellationId: cancellation.id, penaltyFen: 0, reason: '客人住院' };
    const request = await a.call('approvals.request', { operation: 'cancellations.waive', input, reason: '医院证明' });
    await a.call('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'chen',
      password: 'chen-pass-1',
      comment: '同意',
    });
    const waived = await tamperWith(a, 'cancellations.waive', (real) => [
      tampered(real, (effect) =>
        rows('payment', (row) => ({ ...row, amount_fen: -2 * SUITE_NIGHT }))(
          rows('cancellation', (row) => ({ ...row, refund_fen: 3 * SUITE_NIGHT }))(effect),
        ),
      ),
    ]);
    refused(waived.results, /penalty\/waived\/refund 0\/98600\/295800, the server makes them 0\/98600\/197200/);
    expect(waived.after).toEqual(waived.state);
    await applied(a);
    expect(await serverRow('cancellation', cancellation.id)).toMatchObject({
      penalty_fen: 0,
      waived_fen: SUITE_NIGHT,
      refund_fen: 2 * SUITE_NIGHT,
    });
  });

  it('points inflated at check-out or a redemption paying more than its points are worth are refused; the real ones stand', async () => {
    const member = await a.call('members.enrol', { guestId: hotel.guest });
    // Thursday 26 November at the base rate: ¥400, 400 points at the basic tier.
    const stay = await a.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
      adults: 1,
    });
    await a.call('frontDesk.checkIn', { bookingId: stay.id, roomId: hotel.rooms['301']! });
    await a.call('payments.record', {
      bookingId: stay.id,
      kind: 'payment',
      method: 'cash',
      amountFen: stay.totalFen,
      reference: '',
    });
    await applied(a);
    await a.call('frontDesk.checkOut', { bookingId: stay.id });
    const earned = (await a.call('members.ledger', { memberId: member.id })).find((entry) => entry.kind === 'earn')!;
    expect(earned.points).toBe(400);

    const checkOut = await tamperWith(a, 'frontDesk.checkOut', (real) => [
      tampered(
        real,
        rows('points_entry', (row) => ({ ...row, points: 40_000 })),
      ),
      tampered(
        real,
        rows('booking', (row) => ({ ...row, total_fen: 0 })),
      ),
    ]);
    refused(checkOut.results, /earns 40000 points, the stay earns 400/, /total 0, the nights slept make 40000/);
    expect(checkOut.after).toEqual(checkOut.state);
    await applied(a);
    expect(await serverRow('points_entry', earned.id)).toMatchObject({ points: 400, kind: 'earn' });

    const next = await a.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-12-14',
      departure: '2026-12-15',
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
      adults: 1,
    });
    await applied(a);
    await a.call('members.redeem', { memberId: member.id, bookingId: next.id, points: 300 });
    const redeemed = await tamperWith(a, 'members.redeem', (real) => [
      tampered(
        real,
        rows('payment', (row) => ({ ...row, amount_fen: 30_000 })),
      ),
    ]);
    refused(redeemed.results, /300 points pay 30000, their value is 300/);
    expect(redeemed.after).toEqual(redeemed.state);
    await applied(a);
    expect((await a.call('bookings.get', { id: next.id })).paidFen).toBe(300);
  });
  it('a ticket sale at a made-up price, or its cancellation without the penalty, is refused; the real ones stand', async () => {
    await signIn(a, 'admin', ADMIN.password);
    const halfBack = {
      graceHours: null,
      tiers: [
        { from: { kind: 'hours_before' as const, hours: 1_440 }, penalty: { kind: 'percent' as const, percent: 50 } },
      ],
      noShow: { kind: 'none' as const },
      nonRefundable: false,
    };
    const cruise = await a.call('ticketProducts.save', {
      code: 'CRUISE',
      name: '游湖',
      priceFen: 5_000,
      cancellationPolicy: halfBack,
      slots: [{ startTime: '09:00', endTime: '10:00', capacity: 20 }],
    });
    await signIn(a, 'lina');
    await applied(a);
    const visitor = (name: string, idNumber: string) => ({ name, idType: 'id_card' as const, idNumber });
    const order = await a.call('tickets.sell', {
      productId: cruise.id,
      slotId: cruise.slots[0]!.id,
      visitDate: '2026-12-05',
      visitors: [visitor('王芳', '110101199003071234'), visitor('李伟', '110101199003075678')],
    });
    expect(order.totalFen).toBe(10_000);

    const sold = await tamperWith(a, 'tickets.sell', (real) => [
      tampered(
        real,
        rows('ticket_order', (row) => ({ ...row, total_fen: 1_000_000 })),
      ),
    ]);
    refused(sold.results, /total 1000000, 2 visitors at 5000 make 10000/);
    expect(sold.after).toEqual(sold.state);
    await applied(a);

    const cancellation = await a.call('tickets.cancel', {
      orderId: order.id,
      reason: 'guest_request',
      note: '',
      refundMethod: 'cash',
    });
    expect(cancellation).toMatchObject({ penaltyFen: 5_000, refundFen: 5_000 });
    const cancelled = await tamperWith(a, 'tickets.cancel', (real) => [
      tampered(real, (effect) =>
        rows('ticket_order', (row) => ({ ...row, total_fen: 0 }))(
          rows('cancellation', (row) => ({ ...row, penalty_fen: 0, refund_fen: 10_000 }))(effect),
        ),
      ),
    ]);
    refused(cancelled.results, /penalty 0, its terms make it 5000/);
    expect(cancelled.after).toEqual(cancelled.state);
    await applied(a);
    expect(await serverRow('cancellation', cancellation.id)).toMatchObject({ penalty_fen: 5_000, refund_fen: 5_000 });
  });

  it('a no-show let off its penalty at the night audit is refused; the real audit charges the first night', async () => {
    const booking = await a.call('bookings.create', suiteStay('2026-11-26', '2026-11-27'));
    await a.call('payments.record', {
      bookingId: booking.id,
      kind: 'deposit',
      method: 'cash',
      amountFen: 150_000,
      reference: '',
    });
    await applied(a);
    // After midnight at the property, the supervisor closes the day; the guest never came.
    a.clock.advanceMinutes(15 * 60);
    await signIn(a, 'chen');
    // The date closed, for a contract that asks the desk to name it (an older one ignores it).
    await a.call('nightAudit.roll', { closingDate: '2026-11-26' } as never);

    const audit = await tamperWith(a, 'nightAudit.roll', (real) => [
      tampered(real, (effect) =>
        rows('booking', (row) => ({ ...row, total_fen: 0 }))(
          rows('cancellation', (row) => ({ ...row, penalty_fen: 0, refund_fen: 150_000 }))(effect),
        ),
      ),
    ]);
    refused(audit.results, /penalty 0, its terms make it 98600 \(no_show\)/);
    expect(audit.after).toEqual(audit.state);
    await applied(a);
    expect(await serverRow('booking', booking.id)).toMatchObject({ status: 'no_show', total_fen: SUITE_NIGHT });
    await signIn(a, 'lina');
  });
});
