/**
 * Opening an archived file for reading (`archive.open`), or for a plaintext download allowed by
 * an approval (`archive.download`), and reading it a chunk at a time (`archive.read`).
 * An open is staged: the checks (the document is live, the tier's read permission, for customer
 * documents the password typed again within the policy's minutes, for a download an unused
 * allowance), then the chunks this desk lacks fetched from the server with no transaction open,
 * then the whole file's integrity (every chunk's hash and tag, the SHA-256 of the original) and a
 * read held in memory for ten minutes, for the person's present sign-in only. Every attempt is in
 * the audit trail, the file named, refused or not.
 */
import type { Kysely } from 'kysely';
import { ARCHIVE_READ_PERMISSION, type ArchiveRead } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import { fromJson } from '@shared/json';
import type { Database } from '../../db/schema';
import { sessionId } from '../../vault/file-cipher';
import { hasPermission } from '../permissions';
import { staged, type DeskPorts, type HandlerMap, type SignedInContext } from '../rpc/handler';
import { liveFile, type DocumentRow } from './documents';
import { archivePolicy } from './policy';
import { archiveSessions, READ_MINUTES, sweepSessions, type ArchiveSessions } from './sessions';
import { dataKeyOf, missingChunks, readChunk, verifyFile, type ArchiveFileRow } from './store';

type Purpose = 'open' | 'download';

interface Checked {
  fileName: string;
  missing: string[];
}

/** What the slow step brings back: nothing, or why the chunks could not be fetched. */
type Fetched = AppError | null;

/** Names the file in the attempt's audit entry; NOT_FOUND (audited) when it is gone. */
async function attempt(ctx: SignedInContext, fileId: string): Promise<{ file: ArchiveFileRow; document: DocumentRow }> {
  ctx.audit({ entityType: 'archive_file', entityId: fileId });
  const found = await liveFile(ctx.db, fileId).catch((error: unknown) => {
    if (error instanceof AppError) return ctx.failAfterCommit(error);
    throw error;
  });
  const { file, document } = found;
  ctx.audit({
    entityType: 'archive_file',
    entityId: file.id,
    after: { document: document.name, version: file.version, fileName: file.file_name, sha256: file.sha256 },
  });
  return found;
}

/** The person's unused, unexpired allowance to download the file. */
async function allowance(db: Kysely<Database>, fileId: string, staffId: string, now: Date) {
  return db
    .selectFrom('archive_grant')
    .select(['id', 'expires_at'])
    .where('file_id', '=', fileId)
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('expires_at')
    .executeTakeFirst();
}

/** Whether the person typed their password again within the policy's minutes. */
function recentlyConfirmed(ctx: SignedInContext, minutes: number): boolean {
  const at = ctx.session.confirmedAt;
  return at !== undefined && ctx.now.getTime() - at.getTime() <= minutes * 60_000 && at <= ctx.now;
}

async function check(ctx: SignedInContext, fileId: string, purpose: Purpose): Promise<Checked> {
  const { file, document } = await attempt(ctx, fileId);
  const permission = ARCHIVE_READ_PERMISSION[document.tier];
  if (!(await hasPermission(ctx.db, ctx.session.role, permission)))
    return ctx.failAfterCommit(new AppError('PERMISSION_DENIED', { permission }));
  if (document.tier === 'customer') {
    const { confirmMinutes } = await archivePolicy(ctx.db);
    if (!recentlyConfirmed(ctx, confirmMinutes))
      return ctx.failAfterCommit(new AppError('CONFIRM_PASSWORD_REQUIRED', { minutes: confirmMinutes }));
  }
  if (purpose === 'download' && !(await allowance(ctx.db, file.id, ctx.session.staffId, ctx.now)))
    return ctx.failAfterCommit(new AppError('ARCHIVE_DOWNLOAD_NOT_ALLOWED'));
  return { fileName: file.file_name, missing: await missingChunks(ctx.db, fromJson(file.chunks_json)) };
}

/** Ends the reads of anyone but the present sign-in, and those past their time. */
function sweepReads(sessions: ArchiveSessions, ctx: SignedInContext): void {
  sweepSessions(sessions, ctx.now);
  for (const [id, read] of sessions.reads)
    if (read.session !== ctx.session) {
      read.dataKey.fill(0);
      sessions.reads.delete(id);
    }
}

async function apply(ctx: SignedInContext, fileId: string, purpose: Purpose, fetched: Fetched): Promise<ArchiveRead> {
  const { file, document } = await attempt(ctx, fileId);
  if (fetched) return ctx.failAfterCommit(fetched);
  const grant = purpose === 'download' ? await allowance(ctx.db, file.id, ctx.session.staffId, ctx.now) : null;
  if (purpose === 'download' && !grant) return ctx.failAfterCommit(new AppError('ARCHIVE_DOWNLOAD_NOT_ALLOWED'));
  let dataKey: Buffer;
  try {
    const keys = await ctx.vault.open(ctx.db);
    await verifyFile(ctx.db, file, keys);
    dataKey = dataKeyOf(file, keys);
  } catch (error) {
    if (error instanceof AppError) return ctx.failAfterCommit(error);
    throw error;
  }
  if (grant)
    await ctx.db
      .updateTable('archive_grant')
      .set({ used_at: ctx.now.toISOString() })
      .where('id', '=', grant.id)
      .execute();
  ctx.audit({
    entityType: 'archive_file',
    entityId: file.id,
    after: {
      document: document.name,
      version: file.version,
      fileName: file.file_name,
      sha256: file.sha256,
      ...(grant && { grant: grant.id }),
    },
  });
  const readId = sessionId();
  const sessions = archiveSessions(ctx.device);
  const { session } = ctx;
  const expiresAt = ctx.now.getTime() + READ_MINUTES * 60_000;
  ctx.afterCommit(() => {
    sweepReads(sessions, ctx);
    sessions.reads.set(readId, { session, file, tier: document.tier, dataKey, expiresAt });
  });
  return {
    readId,
    fileId: file.id,
    fileName: file.file_name,
    mediaType: file.media_type,
    size: file.size,
    sha256: file.sha256,
    chunks: fromJson(file.chunks_json).length,
  };
}

/** Fetches the chunks this desk lacks from the server; why not, for `apply` to audit as a failed open. */
async function fetchMissing(desk: DeskPorts, checked: Checked): Promise<Fetched> {
  if (checked.missing.length === 0) return null;
  try {
    await desk.sync.fetchChunks(checked.missing, checked.fileName);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

export const openHandlers: HandlerMap<'archive.open' | 'archive.download' | 'archive.read'> = {
  'archive.open': staged<'archive.open'>()({
    check: (ctx, { fileId }) => check(ctx, fileId, 'open'),
    outside: (desk, checked) => fetchMissing(desk, checked),
    apply: (ctx, { fileId }, fetched) => apply(ctx, fileId, 'open', fetched),
  }),

  'archive.download': staged<'archive.download'>()({
    check: (ctx, { fileId }) => check(ctx, fileId, 'download'),
    outside: (desk, checked) => fetchMissing(desk, checked),
    apply: (ctx, { fileId }, fetched) => apply(ctx, fileId, 'download', fetched),
    // On a rebase the chunks are here (verified at the first run): the allowance is checked and used again.
    rerun: async (ctx, { fileId }) => {
      await check(ctx, fileId, 'download');
      return apply(ctx, fileId, 'download', null);
    },
  }),

  'archive.read': async (ctx, { readId, index }) => {
    const sessions = archiveSessions(ctx.device);
    sweepReads(sessions, ctx);
    const read = sessions.reads.get(readId);
    if (!read || read.session !== ctx.session || read.session.locked) throw new AppError('ARCHIVE_READ_CLOSED');
    if (index >= fromJson(read.file.chunks_json).length)
      throw new AppError('INPUT_INVALID', { fields: 'index' }, ['index']);
    const plain = await readChunk(ctx.db, read.file, read.dataKey, index);
    const data = plain.toString('base64');
    plain.fill(0);
    return { data };
  },
};
