/** This desk's backups: status, a backup on demand (made outside the write transaction), the folders. */
import path from 'node:path';
import { AppError } from '@shared/errors';
import { staged, type HandlerMap } from '../rpc/handler';
import type { BackupRun } from './scheduler';

function requireAbsolute(folder: string): void {
  if (!path.isAbsolute(folder)) throw new AppError('INPUT_INVALID', { fields: 'folder' }, ['folder']);
}

export const backupHandlers: HandlerMap<
  'backup.status' | 'backup.run' | 'backup.setFolder' | 'backup.setSecondLocation'
> = {
  'backup.status': async ({ db, backups }) => backups.status(db),

  // Encrypting and copying a large database takes a while: never inside the desk's write transaction.
  'backup.run': staged<'backup.run'>()({
    check: async () => null,
    outside: (desk): Promise<BackupRun> => desk.backups.run(),
    apply: async (ctx, _input, run) => {
      if (run.secondCopy) await ctx.backups.recordSecondCopy(ctx.db, run.secondCopy);
      ctx.audit({
        entityType: 'backup',
        entityId: path.basename(run.made.file),
        after: { ...run.made, secondCopy: run.secondCopy?.file ?? null },
      });
      // The first copy stands (and is audited); the caller hears that the second did not.
      if (run.secondCopyError) return ctx.failAfterCommit(run.secondCopyError);
      return { ...run.made, secondCopy: run.secondCopy?.file ?? null };
    },
  }),

  'backup.setFolder': async (ctx, { folder }) => {
    requireAbsolute(folder);
    const before = await ctx.backups.folder(ctx.db);
    await ctx.backups.setFolder(ctx.db, folder);
    ctx.audit({ entityType: 'setting', entityId: 'backup.folder', before, after: folder });
    return ctx.backups.status(ctx.db);
  },

  'backup.setSecondLocation': async (ctx, { folder, maxDays }) => {
    if (folder) requireAbsolute(folder);
    const before = (await ctx.backups.status(ctx.db)).second;
    await ctx.backups.setSecondLocation(ctx.db, folder || null, maxDays);
    ctx.audit({
      entityType: 'setting',
      entityId: 'backup.secondFolder',
      before: { folder: before.folder, maxDays: before.maxDays },
      after: { folder: folder || null, maxDays },
    });
    return ctx.backups.status(ctx.db);
  },
};
