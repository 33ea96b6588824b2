import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { fromJson } from '@shared/json';
import { checkWrites, writeRuleOf, type RowWrite } from '@shared/sync/write-rules';
import { addStaff, signIn, type Desk, openDesk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;
let bookingId: string;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
  await signIn(desk, 'admin', 'admin-pass-1');
  await addStaff(desk, 'fang', 'agent');
  await addStaff(desk, 'zhou', 'director');
  await signIn(desk, 'lina');
  const booking = await desk.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'phone',
    arrival: '2026-11-26',
    departure: '2026-11-28',
    roomTypeId: hotel.suite,
    adults: 1,
  });
  bookingId = booking.id;
  await desk.call('payments.record', { bookingId, kind: 'deposit', method: 'card', amountFen: 30_000 });
});
afterEach(() => desk.close());

/** A noisy night, complained about at the desk by the booking's guest (or by nobody the desk knows). */
async function openComplaint(about: { guestId?: string | null; bookingId?: string | null } = {}) {
  const complaint = await desk.call('complaints.open', {
    channel: 'in_person',
    category: 'noise',
    severity: 'general',
    guestId: hotel.guest,
    bookingId,
    description: '隔壁房间深夜喧哗，无法入睡',
    expectation: '退一部分房费',
    ...about,
  });
  // Compensation is agreed a little later: the ticket's row is touched again, at a later time.
  desk.clock.advanceMinutes(2);
  return complaint;
}

type Compensation = InputOf<'complaints.compensate'>;

/** Asked for by the signed-in agent, approved at the desk by `approver`. */
async function compensateApproved(input: Compensation, approver = 'chen') {
  const request = await desk.call('approvals.request', {
    operation: 'complaints.compensate',
    input,
    reason: '安抚客人',
  });
  return desk.call('approvals.approveAtDesk', {
    requestId: request.id,
    username: approver,
    password: `${approver}-pass-1`,
  });
}

async function count(table: 'complaint_compensation' | 'complaint_event' | 'payment' | 'points_entry') {
  return (
    await desk.services.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}

async function everything() {
  return {
    ...(await desk.counts()),
    compensations: await count('complaint_compensation'),
    events: await count('complaint_event'),
    payments: await count('payment'),
    points: await count('points_entry'),
  };
}

describe('compensation through the approvals engine', () => {
  it('holds an agent’s compensation, writing nothing, until a supervisor approves; then it runs once', async () => {
    const complaint = await openComplaint();
    const voucher = { id: complaint.id, kind: 'voucher' as const, amountFen: 20_000, note: '赠送餐饮券' };
    const before = await everything();
    expect(await desk.fail('complaints.compensate', voucher)).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 0 },
    });
    expect(await everything()).toEqual(before);

    const request = await desk.call('approvals.request', {
      operation: 'complaints.compensate',
      input: voucher,
      reason: '客人整夜未睡好',
    });
    expect(request).toMatchObject({
      status: 'pending',
      subject: { type: 'complaint', id: complaint.id, label: `${complaint.number} · voucher` },
      amountFen: 20_000,
      awaiting: { approverRole: 'supervisor', dualReview: false },
    });
    expect(await count('complaint_compensation')).toBe(0);

    await signIn(desk, 'chen');
    const decided = await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' });
    expect(decided.status).toBe('executed');
    expect((await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve' })).code).toBe(
      'APPROVAL_NOT_PENDING',
    );

    const after = await desk.call('complaints.get', { id: complaint.id });
    expect(after.compensations).toEqual([
      expect.objectContaining({ kind: 'voucher', amountFen: 20_000, points: 0, note: '赠送餐饮券' }),
    ]);
    // Given by the agent who asked for it, and said on the ticket's timeline once.
    expect(after.compensations[0]!.givenBy.name).toBe('lina');
    expect(after.timeline.filter((event) => event.kind === 'compensated')).toEqual([
      expect.objectContaining({ note: '赠送餐饮券', staff: expect.objectContaining({ name: 'lina' }) }),
    ]);
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .select('effects_json')
      .where('name', '=', 'complaints.compensate')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(
      fromJson(outbox[0]!.effects_json)
        .map((effect) => effect.table)
        .sort(),
    ).toEqual(['audit_log', 'complaint', 'complaint_compensation', 'complaint_event']);
  });

  it('sends a large amount to the higher tier: a supervisor cannot approve it, a director can', async () => {
    const complaint = await openComplaint();
    const freeNights = { id: complaint.id, kind: 'free_night' as const, amountFen: 12_000_000, note: '整层免单' };
    const request = await desk.call('approvals.request', {
      operation: 'complaints.compensate',
      input: freeNights,
      reason: '群体噪音事件',
    });
    expect(request.awaiting.approverRole).toBe('director');

    await signIn(desk, 'chen');
    expect(await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve' })).toEqual({
      code: 'APPROVER_TIER_TOO_LOW',
      params: { role: 'director' },
    });
    expect(await count('complaint_compensation')).toBe(0);

    await signIn(desk, 'zhou');
    expect((await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' })).status).toBe(
      'executed',
    );
    expect((await desk.call('complaints.get', { id: complaint.id })).compensations).toEqual([
      expect.objectContaining({ kind: 'free_night', amountFen: 12_000_000 }),
    ]);
  });

  it('weighs points at the loyalty policy’s value and puts them in the member’s ledger', async () => {
    const member = await desk.call('members.enrol', { guestId: hotel.guest });
    const complaint = await openComplaint();
    const points = { id: complaint.id, kind: 'points' as const, points: 500, note: '积分致歉' };
    const request = await desk.call('approvals.request', {
      operation: 'complaints.compensate',
      input: points,
      reason: '会员致歉',
    });
    expect(request).toMatchObject({ amountFen: 500, subject: { label: `${complaint.number} · points +500` } });
    await desk.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });

    const ledger = await desk.call('members.ledger', { memberId: member.id });
    expect(ledger).toEqual([expect.objectContaining({ kind: 'adjust', points: 500, note: complaint.number })]);
    expect((await desk.call('members.get', { id: member.id })).balance).toBe(500);
    const [row] = await desk.services.db.selectFrom('complaint_compensation').selectAll().execute();
    expect(row).toMatchObject({ kind: 'points', points: 500, amount_fen: 0, member_id: member.id, payment_id: null });
  });

  it('refunds onto the complaint’s booking, by how the guest paid, never more than was paid', async () => {
    const complaint = await openComplaint();
    const tooMuch = { id: complaint.id, kind: 'refund' as const, amountFen: 30_001, note: '退部分房费' };
    expect(await desk.fail('complaints.compensate', tooMuch)).toMatchObject({ code: 'COMPENSATION_NEEDS_BOOKING' });
    expect(
      (await desk.fail('approvals.request', { operation: 'complaints.compensate', input: tooMuch, reason: '退款' }))
        .code,
    ).toBe('COMPENSATION_NEEDS_BOOKING');

    const done = await compensateApproved({ ...tooMuch, amountFen: 20_000 });
    expect(done.status).toBe('executed');
    const refund = await desk.services.db
      .selectFrom('payment')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .where('kind', '=', 'refund')
      .executeTakeFirstOrThrow();
    expect(refund).toMatchObject({ method: 'card', amount_fen: -20_000, reference: complaint.number });
    const [row] = await desk.services.db.selectFrom('complaint_compensation').selectAll().execute();
    expect(row).toMatchObject({ kind: 'refund', amount_fen: 20_000, payment_id: refund.id, member_id: null });

    // 10,000 of the 30,000 paid is left to refund.
    desk.clock.advanceMinutes(2);
    expect((await desk.fail('complaints.compensate', { ...tooMuch, amountFen: 10_001 })).code).toBe(
      'COMPENSATION_NEEDS_BOOKING',
    );
    expect((await compensateApproved({ ...tooMuch, amountFen: 10_000 })).status).toBe('executed');
    expect((await desk.call('bookings.get', { id: bookingId })).paidFen).toBe(0);
  });
});

describe('compensation that cannot be given', () => {
  it('refuses a zero amount, points without a member and a refund without a booking, changing nothing', async () => {
    const anonymous = await openComplaint({ guestId: null, bookingId: null });
    const notMember = await openComplaint();
    const before = await everything();
    const refused = async (input: Compensation) => (await desk.fail('complaints.compensate', input)).code;
    expect(await refused({ id: notMember.id, kind: 'voucher', amountFen: 0, note: '代金券' })).toBe(
      'COMPENSATION_AMOUNT',
    );
    expect(await refused({ id: notMember.id, kind: 'points', points: 0, note: '积分' })).toBe('COMPENSATION_AMOUNT');
    expect(await refused({ id: notMember.id, kind: 'points', points: 300, note: '积分' })).toBe(
      'COMPENSATION_NEEDS_MEMBER',
    );
    expect(await refused({ id: anonymous.id, kind: 'points', points: 300, note: '积分' })).toBe(
      'COMPENSATION_NEEDS_MEMBER',
    );
    expect(await refused({ id: anonymous.id, kind: 'refund', amountFen: 5_000, note: '退款' })).toBe(
      'COMPENSATION_NEEDS_BOOKING',
    );
    // Nobody may ask for what could never be given: the request is refused the same way.
    expect(
      (
        await desk.fail('approvals.request', {
          operation: 'complaints.compensate',
          input: { id: anonymous.id, kind: 'refund', amountFen: 5_000, note: '退款' },
          reason: '退款',
        })
      ).code,
    ).toBe('COMPENSATION_NEEDS_BOOKING');
    expect(await everything()).toEqual(before);
  });

  it('is the owner’s or co-owner’s to give: anyone else is refused, at once or when approved', async () => {
    const complaint = await openComplaint();
    const voucher = { id: complaint.id, kind: 'voucher' as const, amountFen: 5_000, note: '赠券' };

    // A supervisor needs no approval for this amount, but does not own the ticket.
    await signIn(desk, 'chen');
    const before = await everything();
    expect((await desk.fail('complaints.compensate', voucher)).code).toBe('COMPLAINT_NOT_OWNER_OR_CO_OWNER');
    expect(await everything()).toEqual(before);

    // Another agent's request fails when approved, and writes nothing of the compensation.
    await signIn(desk, 'fang');
    const failed = await compensateApproved(voucher);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'COMPLAINT_NOT_OWNER_OR_CO_OWNER' });
    expect(await count('complaint_compensation')).toBe(0);
  });

  it('refuses a closed ticket', async () => {
    const complaint = await openComplaint();
    await desk.call('complaints.resolve', { id: complaint.id, note: '已换房' });
    await desk.call('complaints.close', { id: complaint.id });
    expect(
      await desk.fail('complaints.compensate', { id: complaint.id, kind: 'upgrade', amountFen: 8_000, note: '升级' }),
    ).toEqual({ code: 'COMPLAINT_STATUS', params: { status: 'closed' } });
  });
});

describe('the write rule of a compensation', () => {
  /** The rows a real compensation wrote, as its outbox row carries them, and the writer that pushed them. */
  async function writesOf(given: Omit<Compensation, 'id'>) {
    const complaint = await openComplaint();
    await compensateApproved({ id: complaint.id, ...given });
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .selectAll()
      .where('name', '=', 'complaints.compensate')
      .executeTakeFirstOrThrow();
    const writer = {
      actor: { id: outbox.actor_id!, username: 'lina', displayName: 'lina', role: 'agent' },
      deviceId: desk.services.device.id,
      input: fromJson(outbox.input_json),
    };
    const befores = fromJson(outbox.befores_json);
    const writes: RowWrite[] = fromJson(outbox.effects_json).map((effect) => ({
      table: effect.table,
      key: effect.key,
      before: befores.find((b) => b.table === effect.table && b.key === effect.key)?.row ?? null,
      after: effect.row,
      columns: effect.columns ?? null,
    }));
    return { writes, writer };
  }

  const rule = writeRuleOf('complaints.compensate');
  const tamper = (writes: RowWrite[], table: string, change: Record<string, unknown>) =>
    writes.map((write) => (write.table === table ? { ...write, after: { ...write.after!, ...change } } : write));

  it('holds for what the desk wrote, and refuses a refund of another amount or onto another booking', async () => {
    const { writes, writer } = await writesOf({ kind: 'refund', amountFen: 20_000, note: '退部分房费' });
    expect(checkWrites(rule, writes, writer)).toBeNull();
    expect(checkWrites(rule, tamper(writes, 'payment', { amount_fen: -2_000_000 }), writer)).toMatchObject({
      table: 'payment',
    });
    expect(
      checkWrites(rule, tamper(writes, 'payment', { booking_id: '0192f000-0000-7000-8000-0000000000ff' }), writer),
    ).toMatchObject({ table: 'payment' });
    expect(checkWrites(rule, tamper(writes, 'complaint_compensation', { amount_fen: 1 }), writer)).toMatchObject({
      table: 'complaint_compensation',
    });
    // Pushed in the name of someone who neither owns nor co-owns the ticket.
    const stranger = { ...writer.actor, id: '0192f000-0000-7000-8000-0000000000ee', username: 'fang' };
    expect(checkWrites(rule, writes, { ...writer, actor: stranger })).not.toBeNull();
  });

  it('puts points only in the ledger of the member the compensation names, as many as the input gives', async () => {
    const member = await desk.call('members.enrol', { guestId: hotel.guest });
    const { writes, writer } = await writesOf({ kind: 'points', points: 500, note: '积分致歉' });
    expect(checkWrites(rule, writes, writer)).toBeNull();
    expect(writes.find((write) => write.table === 'points_entry')?.after).toMatchObject({ member_id: member.id });
    expect(
      checkWrites(rule, tamper(writes, 'points_entry', { member_id: '0192f000-0000-7000-8000-0000000000ff' }), writer),
    ).toMatchObject({ table: 'points_entry' });
    expect(checkWrites(rule, tamper(writes, 'points_entry', { points: 50_000 }), writer)).toMatchObject({
      table: 'points_entry',
    });
  });
});
