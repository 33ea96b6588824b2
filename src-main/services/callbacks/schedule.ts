/**
 * Scheduling a satisfaction call-back, inside the mutation that calls for it: a check-out that ends
 * a guest's first stay, or a complaint's resolution. The row it writes is what the write rules
 * call a new call-back (newCallback in src-shared/sync/write-rules/callbacks.ts).
 */
import type { CallbackKind } from '@shared/contract';
import { callbackDueAt, NOT_YET_CALLED } from '@shared/rules/callbacks';
import { newId } from '../made';
import type { SignedInContext } from '../rpc/handler';

export interface CallbackSubject {
  kind: CallbackKind;
  guestId: string | null;
  bookingId: string | null;
  /** Set for, and only for, a complaint's call-back. */
  complaintId: string | null;
}

/** A new open call-back, due CALLBACK_DUE_HOURS from now. */
export async function scheduleCallback(ctx: SignedInContext, subject: CallbackSubject): Promise<void> {
  const at = ctx.now.toISOString();
  await ctx.db
    .insertInto('callback')
    .values({
      id: newId(),
      kind: subject.kind,
      guest_id: subject.guestId,
      booking_id: subject.bookingId,
      complaint_id: subject.complaintId,
      created_at: at,
      due_at: callbackDueAt(at),
      ...NOT_YET_CALLED,
      updated_at: at,
      server_version: null,
    })
    .execute();
}

/** Whether checking this booking out ends the guest's first stay: no other stay of theirs was checked out. */
export async function isFirstStay(ctx: SignedInContext, guestId: string, bookingId: string): Promise<boolean> {
  const earlier = await ctx.db
    .selectFrom('booking')
    .select('id')
    .where('guest_id', '=', guestId)
    .where('status', '=', 'checked_out')
    .where('id', '!=', bookingId)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return earlier === undefined;
}
