/**
 * A guest's erasure on request (PIPL): the profile keeps its id, customer number and segment so
 * that its bookings still count in reports, and loses everything that names or reaches the person
 * (name, phone, ID number, email, preferences, special needs), on this desk and, through sync, on
 * every other and the server. Their member card and birthday and their bookings' special requests
 * go too, approval requests about the guest stop naming them, and their customer documents in the
 * archive (attached to them, their bookings or complaints) are deleted. What the guest's row held before
 * is never written anywhere: the audit entry names only the customer number.
 */
import { ERASED_GUEST_NAME } from '@shared/rules/guest-fields';
import type { GuestRow } from '../../db/schema';
import { NO_ID_NUMBER, NO_PHONE } from '../../vault/guest-fields';
import { deleteGuestDocuments } from '../archive/deletion';
import type { SignedInContext } from '../rpc/handler';
import { activeGuest } from './rows';

/** The personal columns of a guest row as erasure leaves them. */
export const ERASED_COLUMNS = {
  name: ERASED_GUEST_NAME,
  ...NO_PHONE,
  ...NO_ID_NUMBER,
  id_type: null,
  email: null,
  preferences: null,
  special_needs: null,
} as const;

/** Erases the guest's personal data and marks the row deleted; returns the row as it was. */
export async function eraseGuest(ctx: SignedInContext, id: string): Promise<GuestRow> {
  const before = await activeGuest(ctx.db, id);
  const at = ctx.now.toISOString();
  await ctx.db
    .updateTable('guest')
    .set({ ...ERASED_COLUMNS, erased_at: at, deleted_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  await ctx.db
    .updateTable('member')
    .set({ card_no: null, birthday: null, updated_at: at })
    .where('guest_id', '=', id)
    .where((eb) => eb.or([eb('card_no', 'is not', null), eb('birthday', 'is not', null)]))
    .execute();
  await ctx.db
    .updateTable('booking')
    .set({ special_requests: '', updated_at: at })
    .where('guest_id', '=', id)
    .where('special_requests', '!=', '')
    .execute();
  await ctx.db
    .updateTable('approval_request')
    .set({ subject_label: `${ERASED_GUEST_NAME} (${before.customer_no})`, updated_at: at })
    .where('subject_type', '=', 'guest')
    .where('subject_id', '=', id)
    .execute();
  await deleteGuestDocuments(ctx.db, id, ctx.session.staffId, ctx.now);
  return before;
}
