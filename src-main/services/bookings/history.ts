/** Every change to a booking is kept on it: what, before, after, the customer's authorisation, who and when. */
import { newId } from '../made';
import type { BookingChangeKind } from '@shared/contract';
import { AppError } from '@shared/errors';
import { canDo, type BookingAction, type BookingStatus } from '@shared/rules/booking-status';
import type { HandlerContext } from '../rpc/handler';

export interface Authorisation {
  method: string;
  reference: string;
}

export async function recordChange(ctx: HandlerContext, bookingId: string, kind: BookingChangeKind, before: unknown, after: unknown, authorisation?: Authorisation): Promise<void> {
  await ctx.db
    .insertInto('booking_change')
    .values({
      id: newId(),
      booking_id: bookingId,
      kind,
      before_json: before === null ? null : JSON.stringify(before),
      after_json: after === null ? null : JSON.stringify(after),
      auth_method: authorisation?.method ?? null,
      auth_ref: authorisation?.reference ?? null,
      staff_id: ctx.session?.staffId ?? 'system',
      staff_name: ctx.session?.displayName ?? 'system',
      created_at: ctx.now.toISOString(),
    })
    .execute();
}

export function assertCan(status: string, action: BookingAction): void {
  if (!canDo(status as BookingStatus, action)) throw new AppError('BOOKING_STATE');
}
