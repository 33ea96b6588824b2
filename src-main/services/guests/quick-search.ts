/**
 * One search box for the desk: booking numbers, guest names (including 2-character Chinese names,
 * which the trigram index cannot match, through the name index by prefix), names and customer
 * numbers by any 3+ character piece (FTS5 trigram index), phones by their last four digits or the
 * whole number, and ID numbers by the whole number only (src-shared/rules/guest-fields.ts). A text
 * that could be an ID number is audited with what it found (the text itself stays out: `personal`).
 */
import { sql, type Kysely } from 'kysely';
import { mayBeIdNumber } from '@shared/rules/guest-fields';
import type { Database } from '../../db/schema';
import { bookingSummaries } from '../bookings/read';
import type { DeskPorts, HandlerMap } from '../rpc/handler';
import { sealedMatches } from './lookups';
import { guestSummary } from './rows';

const TRIGRAM = 3;

async function guestIds(
  desk: Pick<DeskPorts, 'vault'>,
  db: Kysely<Database>,
  q: string,
  limit: number,
): Promise<{ ids: string[]; byIdNumber: number }> {
  const ids = new Set<string>();
  // Prefix on the name index covers short names (王芳) and the start of longer ones.
  const byName = await db
    .selectFrom('guest')
    .select('id')
    .where('name', '>=', q)
    .where('name', '<', `${q}\uffff`)
    .where('deleted_at', 'is', null)
    .limit(limit)
    .execute();
  for (const row of byName) ids.add(row.id);
  if ([...q].length >= TRIGRAM && ids.size < limit) {
    const phrase = `"${q.replaceAll('"', '""')}"`;
    const rows = await sql<{ id: string }>`SELECT guest.id FROM guest_fts JOIN guest ON guest.rowid = guest_fts.rowid
      WHERE guest_fts MATCH ${phrase} AND guest.deleted_at IS NULL LIMIT ${limit}`.execute(db);
    for (const row of rows.rows) ids.add(row.id);
  }
  let byIdNumber = 0;
  for (const match of await sealedMatches(desk, db, q, true)) {
    const rows = await db
      .selectFrom('guest')
      .select('id')
      .where(match.column, '=', match.value)
      .where('deleted_at', 'is', null)
      .limit(limit)
      .execute();
    if (match.column === 'id_number_hmac') byIdNumber = rows.length;
    for (const row of rows) ids.add(row.id);
  }
  return { ids: [...ids].slice(0, limit), byIdNumber };
}

export const searchHandlers: HandlerMap<'search.quick'> = {
  'search.quick': async (ctx, { q, limit }) => {
    const { db } = ctx;
    const { ids, byIdNumber } = await guestIds(ctx, db, q, limit);
    if (mayBeIdNumber(q))
      ctx.audit({ entityType: 'guest', entityId: '*', after: { search: 'idNumber', found: byIdNumber } });
    const guests = ids.length
      ? await db
          .selectFrom('guest')
          .select(['id', 'customer_no', 'name', 'phone_masked', 'segment'])
          .where('id', 'in', ids)
          .orderBy('name')
          .execute()
      : [];
    const upper = q.toUpperCase();
    const bookings = await bookingSummaries(
      db,
      (query) =>
        query.where((eb) =>
          eb.or([
            eb('booking.number', '>=', upper).and('booking.number', '<', `${upper}\uffff`),
            ...(ids.length ? [eb('booking.guest_id', 'in', ids)] : []),
          ]),
        ),
      limit,
    );
    return { guests: guests.map(guestSummary), bookings };
  },
};
