/**
 * Compensation on a complaint ticket (refund, points, free night, upgrade, voucher). The approvals
 * engine holds it by the value it gives (held-operations.ts describes it with `compensationValueFen`),
 * so this handler runs only once the policy is satisfied. A refund goes back on the complaint's
 * booking through the one payment writer, points go into the guest's member ledger as an
 * adjustment; the other kinds are recorded here and given at the desk. Each is one row of
 * complaint_compensation and one 'compensated' step on the ticket's timeline.
 */
import type { Kysely } from 'kysely';
import type { CompensationKind, ParsedInputOf, PaymentMethod } from '@shared/contract';
import { AppError } from '@shared/errors';
import { redemptionValueFen } from '@shared/rules/points';
import type { ComplaintRow, Database } from '../../db/schema';
import { writePayment } from '../bookings/payments';
import { businessDate } from '../business-date';
import { newId } from '../made';
import { appendEntry, membersPolicy } from '../members/ledger';
import type { HandlerMap } from '../rpc/handler';
import { complaintRow } from './read';
import { step } from './step';

type CompensateInput = ParsedInputOf<'complaints.compensate'>;

/** What a compensation goes to: the member whose ledger takes points, the booking a refund goes back on. */
export interface CompensationTarget {
  memberId: string | null;
  refund: { bookingId: string; method: PaymentMethod } | null;
}

const isPoints = (kind: CompensationKind) => kind === 'points';

/** The value a compensation gives, in fen, as the approval tiers weigh it: points at the loyalty policy's value. */
export async function compensationValueFen(db: Kysely<Database>, input: CompensateInput): Promise<number> {
  return isPoints(input.kind)
    ? redemptionValueFen(input.points, (await membersPolicy(db)).pointValueFen)
    : input.amountFen;
}

/**
 * What the guest paid on a booking in money (points paid stay points: they are not refunded as
 * money), and the method most of it came by, which a refund goes back by.
 */
async function refundableOn(
  db: Kysely<Database>,
  bookingId: string,
): Promise<{ paidFen: number; method: PaymentMethod | null }> {
  const byMethod = await db
    .selectFrom('payment')
    .select(['method', (eb) => eb.fn.sum<number>('amount_fen').as('net')])
    .where('booking_id', '=', bookingId)
    .groupBy('method')
    .execute();
  const money = byMethod
    .filter((row): row is { method: PaymentMethod; net: number } => row.method !== 'points')
    .map((row) => ({ method: row.method, net: Number(row.net) }));
  const paidFen = money.reduce((sum, row) => sum + row.net, 0);
  const main = [...money].sort((a, b) => b.net - a.net)[0];
  return { paidFen, method: main && main.net > 0 ? main.method : null };
}

/**
 * Whether this compensation can be given on this ticket, whoever asks: the ticket is not closed,
 * the amount (points, for points) is above zero and the other field empty, points have an active
 * member to go to, a refund a booking that was paid at least as much. Throws the reason otherwise.
 */
export async function compensationTarget(
  db: Kysely<Database>,
  row: ComplaintRow,
  input: CompensateInput,
): Promise<CompensationTarget> {
  if (row.status === 'closed') throw new AppError('COMPLAINT_STATUS', { status: row.status });
  const [given, other] = isPoints(input.kind) ? (['points', 'amountFen'] as const) : (['amountFen', 'points'] as const);
  if (input[given] <= 0) throw new AppError('COMPENSATION_AMOUNT', undefined, [given]);
  if (input[other] !== 0) throw new AppError('INPUT_INVALID', { fields: other }, [other]);

  if (input.kind === 'points') {
    const member =
      row.guest_id === null
        ? undefined
        : await db
            .selectFrom('member')
            .select('id')
            .where('guest_id', '=', row.guest_id)
            .where('status', '=', 'active')
            .executeTakeFirst();
    if (!member) throw new AppError('COMPENSATION_NEEDS_MEMBER');
    return { memberId: member.id, refund: null };
  }
  if (input.kind === 'refund') {
    if (row.booking_id === null) throw new AppError('COMPENSATION_NEEDS_BOOKING');
    const { paidFen, method } = await refundableOn(db, row.booking_id);
    if (method === null || input.amountFen > paidFen)
      throw new AppError('COMPENSATION_NEEDS_BOOKING', undefined, ['amountFen']);
    return { memberId: null, refund: { bookingId: row.booking_id, method } };
  }
  return { memberId: null, refund: null };
}

export const compensationHandlers: HandlerMap<'complaints.compensate'> = {
  'complaints.compensate': async (ctx, input) => {
    const row = await complaintRow(ctx.db, input.id);
    const me = ctx.session.staffId;
    if (row.owner_id !== me && row.co_owner_id !== me) throw new AppError('COMPLAINT_NOT_OWNER_OR_CO_OWNER');
    const target = await compensationTarget(ctx.db, row, input);

    const paymentId =
      target.refund === null
        ? null
        : await writePayment(ctx, {
            bookingId: target.refund.bookingId,
            kind: 'refund',
            method: target.refund.method,
            amountFen: input.amountFen,
            reference: row.number,
          });
    if (target.memberId !== null)
      await appendEntry(ctx, {
        memberId: target.memberId,
        kind: 'adjust',
        points: input.points,
        on: await businessDate(ctx.db, ctx.now),
        note: row.number,
      });
    await ctx.db
      .insertInto('complaint_compensation')
      .values({
        id: newId(),
        complaint_id: row.id,
        kind: input.kind,
        amount_fen: input.amountFen,
        points: input.points,
        member_id: target.memberId,
        payment_id: paymentId,
        note: input.note,
        given_at: ctx.now.toISOString(),
        given_by: me,
        server_version: null,
      })
      .execute();
    return step(ctx, row, 'compensated', {}, input.note);
  },
};
