/**
 * Tier-2 customer documents (客户资料): a file attached to a guest, a booking (the customer's
 * written authorisation of a change belongs here) or a complaint, and the list of one subject's.
 * Also the detail of any document, for those who may see its tier.
 */
import { newId } from '../made';
import type { HandlerMap } from '../rpc/handler';
import { requireSeeing } from './access';
import { insertFile } from './contracts';
import { detail, liveDocument, newDocumentRow, summaries } from './documents';
import { subjectLabel } from './subjects';
import { takeUpload } from './uploads';

export const attachHandlers: HandlerMap<'archive.attach' | 'archive.attachments' | 'archive.document'> = {
  'archive.attach': async (ctx, { uploadId, subjectType, subjectId, title }) => {
    const upload = await takeUpload(ctx, uploadId, 'customer');
    await subjectLabel(ctx.db, { type: subjectType, id: subjectId });
    const id = newId();
    await ctx.db
      .insertInto('archive_document')
      .values(
        newDocumentRow({
          id,
          tier: 'customer',
          name: title,
          subject_type: subjectType,
          subject_id: subjectId,
          created_by: ctx.session.staffId,
          created_at: ctx.now.toISOString(),
          device: ctx.device.id,
        }),
      )
      .execute();
    const file = await insertFile(ctx, id, 1, upload);
    ctx.audit({
      entityType: 'archive_document',
      entityId: id,
      after: { name: title, subject: { type: subjectType, id: subjectId }, file },
    });
    return detail(ctx, await liveDocument(ctx.db, id));
  },

  'archive.attachments': async (ctx, { subjectType, subjectId }) => {
    await requireSeeing(ctx, 'customer');
    const rows = await ctx.db
      .selectFrom('archive_document')
      .selectAll()
      .where('tier', '=', 'customer')
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return summaries(ctx, rows);
  },

  'archive.document': async (ctx, { id }) => {
    const row = await liveDocument(ctx.db, id);
    await requireSeeing(ctx, row.tier);
    return detail(ctx, row);
  },
};
