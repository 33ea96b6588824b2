/**
 * Allowing one plaintext download of an archived file (`archive.allowDownload`). The seeded rule
 * holds the call for approval with dual review, so this runs only once the policy lets it: at once
 * if the policy no longer holds it, or inside the approving decision, where the session is the
 * requester's. Then the document must still be live and the requester must hold the tier's read
 * permission; the grant is theirs alone, for 24 hours, used once by `archive.download`.
 * A refusal is audited as a failed attempt (the open and download rules of issue 15).
 */
import type { Kysely } from 'kysely';
import type { ArchiveTier } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import type { Permission } from '@shared/permissions';
import type { Database } from '../../db/schema';
import { newId } from '../made';
import { hasPermission } from '../permissions';
import type { HandlerMap } from '../rpc/handler';

const GRANT_HOURS = 24;

/** The permission that reads a tier's files. */
export const READ_PERMISSION: Readonly<Record<ArchiveTier, Permission>> = {
  contract: 'archive.contracts.read',
  customer: 'archive.customer.read',
  record: 'archive.records.read',
};

/** A file with its document, the document live (NOT_FOUND otherwise). */
export async function liveFileOf(db: Kysely<Database>, fileId: string) {
  const file = await db
    .selectFrom('archive_file')
    .innerJoin('archive_document', 'archive_document.id', 'archive_file.document_id')
    .select([
      'archive_file.id',
      'archive_file.version',
      'archive_file.file_name',
      'archive_document.id as document_id',
      'archive_document.name',
      'archive_document.tier',
    ])
    .where('archive_file.id', '=', fileId)
    .where('archive_document.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

export const downloadGrantHandlers: HandlerMap<'archive.allowDownload'> = {
  'archive.allowDownload': async (ctx, { fileId, reason }) => {
    const file = await liveFileOf(ctx.db, fileId);
    const permission = READ_PERMISSION[file.tier];
    ctx.audit({ entityType: 'archive_file', entityId: fileId, after: { document: file.name, version: file.version } });
    if (!(await hasPermission(ctx.db, ctx.session.role, permission)))
      ctx.failAfterCommit(new AppError('PERMISSION_DENIED', { permission }));
    const id = newId();
    const until = new Date(ctx.now.getTime() + GRANT_HOURS * 3_600_000).toISOString();
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
      after: { fileId, document: file.name, version: file.version, until, reason },
    });
    return { fileId, until };
  },
};
