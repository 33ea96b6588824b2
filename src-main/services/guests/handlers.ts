/** Guest profiles: the list search (phones masked), erasure on request and export, which the approval engine guards. */
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../../db/schema';
import type { DeskPorts, HandlerMap } from '../rpc/handler';
import { eraseGuest } from './erasure';
import { guestSummary } from './rows';
import { sealedMatches } from './lookups';

const EXPORT_LIMIT = 10_000;

/**
 * Names and customer numbers by any piece, phones by their last four digits or the whole number
 * (the key's hash). ID numbers are not searched here: the desk's search box finds them, audited.
 */
async function matching(desk: Pick<DeskPorts, 'vault'>, db: Kysely<Database>, query: string) {
  let q = db
    .selectFrom('guest')
    .select(['id', 'customer_no', 'name', 'phone_masked', 'segment'])
    .where('deleted_at', 'is', null);
  if (query) {
    const like = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const sealed = await sealedMatches(desk, db, query, false);
    q = q.where((eb) =>
      eb.or([
        eb('name', 'like', like),
        eb('customer_no', 'like', like),
        ...sealed.map((m) => eb(m.column, '=', m.value)),
      ]),
    );
  }
  return q.orderBy('customer_no');
}

export const guestHandlers: HandlerMap<'guests.search' | 'guests.delete' | 'guests.export'> = {
  'guests.search': async (ctx, { query, limit, offset }) =>
    (await (await matching(ctx, ctx.db, query)).limit(limit).offset(offset).execute()).map(guestSummary),

  'guests.delete': async (ctx, { id }) => {
    const before = await eraseGuest(ctx, id);
    ctx.audit({
      entityType: 'guest',
      entityId: id,
      before: { customerNo: before.customer_no },
      after: { erasedAt: ctx.now.toISOString() },
    });
    return { id };
  },

  // Phones go out masked: an approved export's file is kept with its request, which syncs.
  'guests.export': async (ctx, { query }) => {
    const rows = await (await matching(ctx, ctx.db, query)).limit(EXPORT_LIMIT).execute();
    const csv = stringify(
      rows.map((row) => [row.customer_no, row.name, row.phone_masked ?? '', row.segment]),
      { header: true, columns: ['customer_no', 'name', 'phone', 'segment'], bom: true },
    );
    const fileName = `guests-${ctx.now.toISOString().slice(0, 10)}.csv`;
    ctx.audit({ entityType: 'guest', entityId: query || '*', after: { rows: rows.length, fileName } });
    return { fileName, csv, rows: rows.length };
  },
};
