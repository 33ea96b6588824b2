/**
 * One search box for the desk: booking numbers, guest names (including 2-character Chinese names,
 * which the trigram index cannot match, through the name index by prefix), phone digits and ID
 * numbers (3+ characters through the FTS5 trigram index).
 */
import { sql, type Kysely } from 'kysely';
import type { Segment } from '@shared/contract';
import { maskPhone } from '@shared/rules/masking';
import type { Database } from '../../db/schema';
import { bookingSummaries } from '../bookings/read';
import type { HandlerMap } from '../rpc/handler';

const TRIGRAM = 3;

async function guestIds(db: Kysely<Database>, q: string, limit: number): Promise<string[]> {
  const ids = new Set<string>();
  // Prefix on the name index covers short names (王芳) and the start of longer ones.
  const byName = await db.selectFrom('guest').select('id').where('name', '>=', q).where('name', '<', `${q}\uffff`).where('deleted_at', 'is', null).limit(limit).execute();
  for (const row of byName) ids.add(row.id);
  if ([...q].length >= TRIGRAM && ids.size < limit) {
    const phrase = `"${q.replaceAll('"', '""')}"`;
    const rows = await sql<{ id: string }>`SELECT guest.id FROM guest_fts JOIN guest ON guest.rowid = guest_fts.rowid
      WHERE guest_fts MATCH ${phrase} AND guest.deleted_at IS NULL LIMIT ${limit}`.execute(db);
    for (const row of rows.rows) ids.add(row.id);
  }
  return [...ids].slice(0, limit);
}

export const searchHandlers: HandlerMap<'search.quick'> = {
  'search.quick': async ({ db }, { q, limit }) => {
    const ids = await guestIds(db, q, limit);
    const guests = ids.length
      ? await db.selectFrom('guest').select(['id', 'customer_no', 'name', 'phone', 'segment']).where('id', 'in', ids).orderBy('name').execute()
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
    return {
      guests: guests.map((g) => ({ id: g.id, customerNo: g.customer_no, name: g.name, phone: maskPhone(g.phone), segment: g.segment as Segment })),
      bookings,
    };
  },
};
