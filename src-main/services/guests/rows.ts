/** A guest row as the guest services read it: one that may be acted on, and the summary lists show (phone masked). */
import type { Kysely } from 'kysely';
import type { GuestSummary } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { Database, GuestRow } from '../../db/schema';

/** A guest that may be shown or acted on: NOT_FOUND when there is none or it was deleted, GUEST_ERASED when its personal data was erased. */
export async function activeGuest(db: Kysely<Database>, id: string): Promise<GuestRow> {
  const row = await db.selectFrom('guest').selectAll().where('id', '=', id).executeTakeFirst();
  if (row?.erased_at) throw new AppError('GUEST_ERASED');
  if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
  return row;
}

export function guestSummary(
  row: Pick<GuestRow, 'id' | 'customer_no' | 'name' | 'phone_masked' | 'segment'>,
): GuestSummary {
  return { id: row.id, customerNo: row.customer_no, name: row.name, phone: row.phone_masked, segment: row.segment };
}
