/**
 * Work records' operations: the list (every desk's records, newest month first), archiving a
 * finished month by hand (the desk also does it itself, ./month-end.ts), and deleting a record
 * past its retention — held for a director's approval by the seeded rule; the describer in
 * approvals/held-operations.ts refuses a record still within retention before any request is made.
 */
import type { HandlerMap } from '../rpc/handler';
import { deleteDocuments } from './deletion';
import { archiveMonth, checkPastRetention, listRecords, liveRecord } from './records';

export const recordHandlers: HandlerMap<
  'archive.listRecords' | 'archive.records.archiveMonth' | 'archive.records.delete'
> = {
  'archive.listRecords': async (ctx) => listRecords(ctx),

  'archive.records.archiveMonth': async (ctx, { month }) => {
    const keys = await ctx.vault.open(ctx.db);
    const made = await archiveMonth(
      { db: ctx.db, keys, device: ctx.device, now: ctx.now, actorId: ctx.session.staffId },
      month,
    );
    ctx.audit({ entityType: 'archive_records', entityId: month, after: { documents: made } });
    return (await listRecords(ctx)).filter(
      (record) => record.record?.period === month && record.record.deskCode === ctx.device.code,
    );
  },

  'archive.records.delete': async (ctx, { id }) => {
    const row = await liveRecord(ctx.db, id);
    await checkPastRetention(ctx.db, row, ctx.now);
    const chunksRemoved = await deleteDocuments(ctx.db, [row.id], ctx.session.staffId, ctx.now);
    ctx.audit({
      entityType: 'archive_document',
      entityId: id,
      before: { name: row.name, retainUntil: row.retain_until, deletedAt: null },
      after: { deletedAt: ctx.now.toISOString(), chunksRemoved },
    });
    return null;
  },
};
