/** A booking's folio: the one writer of payment rows (refunds are negative payments) and what has been paid, in all or by one method. */
import type { Kysely } from 'kysely';
import type { Database, PaymentTable } from '../../db/schema';
import { newId } from '../made';
import type { HandlerContext } from '../rpc/handler';
import { actingStaff } from '../session-holder';

export interface NewPayment {
  bookingId: string;
  kind: PaymentTable['kind'];
  method: PaymentTable['method'];
  /** Never negative: a refund is stored negative. */
  amountFen: number;
  reference: string;
}

/** Writes one payment, refund or deposit on a booking, by whoever acts now; returns its id. */
export async function writePayment(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'session'>,
  payment: NewPayment,
): Promise<string> {
  const id = newId();
  const staff = actingStaff(ctx.session);
  await ctx.db
    .insertInto('payment')
    .values({
      id,
      booking_id: payment.bookingId,
      kind: payment.kind,
      method: payment.method,
      amount_fen: payment.kind === 'refund' ? -payment.amountFen : payment.amountFen,
      reference: payment.reference,
      staff_id: staff.id,
      staff_name: staff.name,
      created_at: ctx.now.toISOString(),
      server_version: null,
    })
    .execute();
  return id;
}

export async function paidFen(
  db: Kysely<Database>,
  bookingId: string,
  method?: PaymentTable['method'],
): Promise<number> {
  let query = db
    .selectFrom('payment')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('paid'))
    .where('booking_id', '=', bookingId);
  if (method) query = query.where('method', '=', method);
  const { paid } = await query.executeTakeFirstOrThrow();
  return Number(paid);
}
