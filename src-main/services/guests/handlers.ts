/** Guest profiles: search (phones masked), and deletion and export, which the approval engine guards. */
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Segment } from '@shared/contract';
import { AppError } from '@shared/errors';
import { maskPhone } from '@shared/rules/masking';
import type { Database } from '../../db/schema';
import type { HandlerMap } from '../rpc/handler';

const EXPORT_LIMIT = 10_000;

function matching(db: Kysely<Database>, query: string) {
  let q = db.selectFrom('guest').select(['id', 'customer_no', 'name', 'phone', 'segment']).where('deleted_at', 'is', null);
  if (query) {
    const like = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('phone', 'like', like), eb('customer_no', 'like', like)]));
  }
  return q.orderBy('customer_no');
}

export const guestHandlers: HandlerMap<'guests.search' | 'guests.delete' | 'guests.export'> = {
  'guests.search': async ({ db }, { query, limit }) => {
    const rows = await matching(db, query).limit(limit).execute();
    return rows.map((row) => ({ id: row.id, customerNo: row.customer_no, name: row.name, phone: maskPhone(row.phone), segment: row.segment as Segment }));
  },

  'guests.delete': async (ctx, { id }) => {
    const before = await ctx.db.selectFrom('guest').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const at = ctx.now.toISOString();
    await ctx.db.updateTable('guest').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    ctx.audit({ entityType: 'guest', entityId: id, before: { customerNo: before.customer_no, name: before.name }, after: { deletedAt: at } });
    return { id };
  },

  'guests.export': async (ctx, { query }) => {
    const rows = await matching(ctx.db, query).limit(EXPORT_LIMIT).execute();
    const csv = stringify(
      rows.map((row) => [row.customer_no, row.name, row.phone ?? '', row.segment]),
      { header: true, columns: ['customer_no', 'name', 'phone', 'segment'], bom: true },
    );
    const fileName = `guests-${ctx.now.toISOString().slice(0, 10)}.csv`;
    ctx.audit({ entityType: 'guest', entityId: query || '*', after: { rows: rows.length, fileName } });
    return { fileName, csv, rows: rows.length };
  },
};
