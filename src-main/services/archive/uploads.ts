/**
 * Uploads: a file comes in a chunk at a time, in order, and each chunk is sealed under the file's
 * new data key and stored as ciphertext the moment it arrives; the plaintext is never kept. An
 * upload belongs to the staff member who began it and lives an hour in memory until its last chunk;
 * then its sealed file fields are kept on the desk (archive_upload) for the filing. What it staged
 * and nobody filed is swept after a day. Filing it (a contract, a version, a customer document)
 * takes the complete upload's sealed file fields.
 */
import type { Kysely } from 'kysely';
import { ARCHIVE_CHUNK_BYTES, ARCHIVE_FILE_PERMISSION } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';
import { hasPermission } from '../permissions';
import type { HandlerMap, SignedInContext } from '../rpc/handler';
import { newId } from '../made';
import { FileSealer, sessionId } from '../../vault/file-cipher';
import { archivePolicy } from './policy';
import { archiveSessions, sweepSessions, UPLOAD_MINUTES, type FiledUpload, type Upload } from './sessions';
import { putChunks, sealedFileFields, sweepStagedChunks } from './store';

/** Staged chunks no filed file names are swept after this long. */
const STAGED_DAYS = 1;

/**
 * The complete upload `uploadId` of the signed-in person for `tier`, sealed: ARCHIVE_UPLOAD_UNKNOWN
 * for someone else's, an expired one or one already filed (its file is there), ARCHIVE_UPLOAD_INCOMPLETE
 * before its last chunk. A complete upload is kept on the desk (archive_upload) until its filing has
 * reached the server, so a filing run again on a sync rebase — even after a restart — files it again.
 */
export async function takeUpload(
  ctx: SignedInContext,
  uploadId: string,
  tier: 'contract' | 'customer',
): Promise<FiledUpload> {
  const row = await ctx.db.selectFrom('archive_upload').selectAll().where('id', '=', uploadId).executeTakeFirst();
  if (!row) {
    const upload = archiveSessions(ctx.device).uploads.get(uploadId);
    if (upload && upload.staffId === ctx.session.staffId && upload.tier === tier && !upload.sealer.complete)
      throw new AppError('ARCHIVE_UPLOAD_INCOMPLETE', {
        received: upload.sealer.sealed,
        expected: upload.sealer.chunks,
      });
    throw new AppError('ARCHIVE_UPLOAD_UNKNOWN');
  }
  const filed = await ctx.db.selectFrom('archive_file').select('id').where('id', '=', row.file_id).executeTakeFirst();
  // An upload is filed within the hour it completed (a rebase runs a filing again at its first time).
  const stale = ctx.now.getTime() - Date.parse(row.completed_at) > UPLOAD_MINUTES * 60_000;
  if (filed || stale || row.staff_id !== ctx.session.staffId || row.tier !== tier)
    throw new AppError('ARCHIVE_UPLOAD_UNKNOWN');
  return {
    staffId: row.staff_id,
    tier: row.tier,
    fileName: row.file_name,
    mediaType: row.media_type,
    sealed: {
      id: row.file_id,
      size: row.size,
      sha256: row.sha256,
      chunk_size: row.chunk_size,
      chunks_json: row.chunks_json,
      wrapped_key: row.wrapped_key,
      key_id: row.key_id,
    },
  };
}

/** Keeps a complete upload's sealed fields (the data key wrapped by the property key) until it is filed. */
async function keepComplete(ctx: SignedInContext, uploadId: string, upload: Upload): Promise<void> {
  const keys = await ctx.vault.open(ctx.db);
  const sealed = sealedFileFields(upload.sealer, upload.hashes, keys);
  await ctx.db
    .insertInto('archive_upload')
    .values({
      id: uploadId,
      staff_id: upload.staffId,
      tier: upload.tier,
      file_id: sealed.id,
      file_name: upload.fileName,
      media_type: upload.mediaType,
      size: sealed.size,
      sha256: sealed.sha256,
      chunk_size: sealed.chunk_size,
      chunks_json: sealed.chunks_json,
      wrapped_key: sealed.wrapped_key,
      key_id: sealed.key_id,
      completed_at: ctx.now.toISOString(),
    })
    .execute();
}

/**
 * Forgets complete uploads older than `before` that no pending filing may need again: never filed,
 * or filed and held by the server (the file row has its server version).
 */
async function sweepUploads(db: Kysely<Database>, before: Date): Promise<void> {
  await db
    .deleteFrom('archive_upload')
    .where('completed_at', '<', before.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('archive_file')
            .select('archive_file.id')
            .whereRef('archive_file.id', '=', 'archive_upload.file_id')
            .where('archive_file.server_version', 'is', null),
        ),
      ),
    )
    .execute();
}

export const uploadHandlers: HandlerMap<'archive.upload.begin' | 'archive.upload.chunk'> = {
  'archive.upload.begin': async (ctx, { tier, fileName, mediaType, size }) => {
    const permission = ARCHIVE_FILE_PERMISSION[tier];
    if (!(await hasPermission(ctx.db, ctx.session.role, permission)))
      throw new AppError('PERMISSION_DENIED', { permission });
    const { maxFileMb } = await archivePolicy(ctx.db);
    if (size > maxFileMb * 1024 * 1024) throw new AppError('ARCHIVE_TOO_LARGE', { maxMb: maxFileMb });
    const sessions = archiveSessions(ctx.device);
    sweepSessions(sessions, ctx.now);
    const staleBefore = new Date(ctx.now.getTime() - STAGED_DAYS * 86_400_000);
    await sweepStagedChunks(ctx.db, staleBefore);
    await sweepUploads(ctx.db, staleBefore);
    const uploadId = sessionId();
    const sealer = new FileSealer(newId(), size, ARCHIVE_CHUNK_BYTES);
    sessions.uploads.set(uploadId, {
      staffId: ctx.session.staffId,
      tier,
      fileName,
      mediaType,
      sealer,
      hashes: [],
      expiresAt: ctx.now.getTime() + UPLOAD_MINUTES * 60_000,
    });
    return { uploadId, chunkSize: ARCHIVE_CHUNK_BYTES, chunks: sealer.chunks };
  },

  'archive.upload.chunk': async (ctx, { uploadId, index, data }) => {
    const sessions = archiveSessions(ctx.device);
    const upload = sessions.uploads.get(uploadId);
    if (!upload || upload.staffId !== ctx.session.staffId || upload.expiresAt <= ctx.now.getTime())
      throw new AppError('ARCHIVE_UPLOAD_UNKNOWN');
    const plain = Buffer.from(data, 'base64');
    const sealed = upload.sealer.push(index, plain);
    plain.fill(0);
    if (!sealed) throw new AppError('ARCHIVE_CHUNK_INVALID', { expected: upload.sealer.sealed });
    try {
      await putChunks(ctx.db, [sealed], ctx.now);
    } catch (error) {
      // The sealer has moved on past a chunk that was not kept: this upload cannot be completed.
      sessions.uploads.delete(uploadId);
      throw error;
    }
    upload.hashes.push(sealed.hash);
    if (upload.sealer.complete) {
      sessions.uploads.delete(uploadId);
      await keepComplete(ctx, uploadId, upload);
    }
    return { received: upload.sealer.sealed };
  },
};
