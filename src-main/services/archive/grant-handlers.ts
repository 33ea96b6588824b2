/**
 * Allowing one plaintext download of an archived file (`archive.allowDownload`). The seeded rule
 * holds the call for approval with dual review, so this runs only once the policy lets it: at once
 * if the policy no longer holds it, or inside the approving decision, where the session is the
 * requester's. Then the document must still be live and the requester must hold the tier's read
 * permission; the grant is theirs alone, for 24 hours, used once by `archive.download`.
 * A refusal is audited as a failed attempt (the open and download rules of issue 15).
 */
import { ARCHIVE_GRANT_HOURS, ARCHIVE_READ_PERMISSION } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import { newId } from '../made';
import { hasPermission } from '../permissions';
import type { HandlerMap } from '../rpc/handler';
import { liveFile } from './documents';

export const downloadGrantHandlers: HandlerMap<'archive.allowDownload'> = {
  'archive.allowDownload': async (ctx, { fileId, reason }) => {
    const { file, document } = await liveFile(ctx.db, fileId);
    const permission = ARCHIVE_READ_PERMISSION[document.tier];
    ctx.audit({
      entityType: 'archive_file',
      entityId: fileId,
      after: { document: document.name, version: file.version },
    });
    if (!(await hasPermission(ctx.db, ctx.session.role, permission)))
      ctx.failAfterCommit(new AppError('PERMISSION_DENIED', { permission }));
    const id = newId();
    const until = new Date(ctx.now.getTime() + ARCHIVE_GRANT_HOURS * 3_600_000).toISOString();
    await ctx.db
      .insertInto('archive_grant')
      .values({
        id,
        file_id: fileId,
        staff_id: ctx.session.staffId,
        reason,
        granted_at: ctx.now.toISOString(),
        expires_at: until,
        used_at: null,
        device: ctx.device.id,
        server_version: null,
      })
      .execute();
    ctx.audit({
      entityType: 'archive_grant',
      entityId: id,
      after: { fileId, document: document.name, version: file.version, until, reason },
    });
    return { fileId, until };
  },
};
