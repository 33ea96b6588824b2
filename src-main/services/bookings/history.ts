/** Every change to a booking is kept on it: what, before, after, the customer's authorisation, who and when. */
import { newId } from '../made';
import type { AuthMethod, BookingChangeKind } from '@shared/contract';
import { toJson } from '@shared/json';
import { AppError } from '@shared/errors';
import { canDo, type BookingAction, type BookingStatus } from '@shared/rules/booking-status';
import type { HandlerContext } from '../rpc/handler';
import { actingStaff } from '../session-holder';

export interface Authorisation {
  method: AuthMethod;
  reference: string;
}

export async function recordChange(
  ctx: HandlerContext,
  bookingId: string,
  kind: BookingChangeKind,
  before: unknown,
  after: unknown,
  authorisation?: Authorisation,
): Promise<void> {
  const staff = actingStaff(ctx.session);
  await ctx.db
    .insertInto('booking_change')
    .values({
      id: newId(),
      booking_id: bookingId,
      kind,
      before_json: before === null ? null : toJson(before),
      after_json: after === null ? null : toJson(after),
      auth_method: authorisation?.method ?? null,
      auth_ref: authorisation?.reference ?? null,
      staff_id: staff.id,
      staff_name: staff.name,
      created_at: ctx.now.toISOString(),
    })
    .execute();
}

export function assertCan(status: BookingStatus, action: BookingAction): void {
  if (!canDo(status, action)) throw new AppError('BOOKING_STATE');
}
