/**
 * Uploads: a file comes in a chunk at a time, in order, and each chunk is sealed under the file's
 * new data key and stored as ciphertext the moment it arrives; the plaintext is never kept. An
 * upload belongs to the staff member who began it and lives an hour in memory; what it staged and
 * nobody filed is swept after a day. Filing it (a contract, a version, a customer document) takes
 * the complete upload's sealed file fields.
 */
import { ARCHIVE_CHUNK_BYTES } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import { hasPermission } from '../permissions';
import type { HandlerMap, SignedInContext } from '../rpc/handler';
import { newId } from '../made';
import { FileSealer, sessionId } from '../../vault/file-cipher';
import { archivePolicy } from './policy';
import { archiveSessions, filedExpiry, sweepSessions, UPLOAD_MINUTES, type FiledUpload } from './sessions';
import { putChunks, sealedFileFields, sweepStagedChunks } from './store';

/** Staged chunks no filed file names are swept after this long. */
const STAGED_DAYS = 1;

const UPLOAD_PERMISSION = {
  contract: 'archive.contracts.manage',
  customer: 'archive.customer.attach',
} as const;

/**
 * The complete upload `uploadId` of the signed-in person for `tier`, sealed: ARCHIVE_UPLOAD_UNKNOWN
 * for someone else's or an expired one, ARCHIVE_UPLOAD_INCOMPLETE before its last chunk. Once the
 * mutation filing it commits, the upload is done (a second filing finds it unknown); a filing run
 * again on a sync rebase finds what it filed.
 */
export async function takeUpload(
  ctx: SignedInContext,
  uploadId: string,
  tier: 'contract' | 'customer',
): Promise<FiledUpload> {
  const sessions = archiveSessions(ctx.device);
  const filed = sessions.filed.get(uploadId);
  if (filed) {
    // Filed and still there: used up. Gone again: a rebase undid the filing and runs it once more.
    const there = await ctx.db
      .selectFrom('archive_file')
      .select('id')
      .where('id', '=', filed.sealed.id)
      .executeTakeFirst();
    if (there || filed.staffId !== ctx.session.staffId || filed.tier !== tier)
      throw new AppError('ARCHIVE_UPLOAD_UNKNOWN');
    return filed;
  }
  const upload = sessions.uploads.get(uploadId);
  if (!upload || upload.staffId !== ctx.session.staffId || upload.expiresAt <= ctx.now.getTime())
    throw new AppError('ARCHIVE_UPLOAD_UNKNOWN');
  if (upload.tier !== tier) throw new AppError('ARCHIVE_UPLOAD_UNKNOWN');
  if (!upload.sealer.complete)
    throw new AppError('ARCHIVE_UPLOAD_INCOMPLETE', { received: upload.sealer.sealed, expected: upload.sealer.chunks });
  const keys = await ctx.vault.open(ctx.db);
  const taken: FiledUpload = {
    staffId: upload.staffId,
    tier: upload.tier,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    sealed: sealedFileFields(upload.sealer, upload.hashes, keys),
    expiresAt: filedExpiry(ctx.now),
  };
  ctx.afterCommit(() => {
    sessions.uploads.delete(uploadId);
    sessions.filed.set(uploadId, taken);
  });
  return taken;
}

export const uploadHandlers: HandlerMap<'archive.upload.begin' | 'archive.upload.chunk'> = {
  'archive.upload.begin': async (ctx, { tier, fileName, mediaType, size }) => {
    const permission = UPLOAD_PERMISSION[tier];
    if (!(await hasPermission(ctx.db, ctx.session.role, permission)))
      throw new AppError('PERMISSION_DENIED', { permission });
    const { maxFileMb } = await archivePolicy(ctx.db);
    if (size > maxFileMb * 1024 * 1024) throw new AppError('ARCHIVE_TOO_LARGE', { maxMb: maxFileMb });
    const sessions = archiveSessions(ctx.device);
    sweepSessions(sessions, ctx.now);
    await sweepStagedChunks(ctx.db, new Date(ctx.now.getTime() - STAGED_DAYS * 86_400_000));
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
    return { received: upload.sealer.sealed };
  },
};
