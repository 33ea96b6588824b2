/** Property settings (name, zone, currency, idle lock) and this desk's backups. */
import path from 'node:path';
import { AppError } from '@shared/errors';
import { loadProperty } from '../auth/session-info';
import type { HandlerMap } from '../rpc/handler';

export const settingsHandlers: HandlerMap<'property.update' | 'backup.status' | 'backup.run' | 'backup.setFolder'> = {
  'property.update': async (ctx, input) => {
    const before = await loadProperty(ctx.db);
    await ctx.db
      .updateTable('property')
      .set({ name: input.name, time_zone: input.timeZone, currency: input.currency, idle_lock_minutes: input.idleLockMinutes, updated_at: ctx.now.toISOString() })
      .where('id', '=', before.id)
      .execute();
    const after = await loadProperty(ctx.db);
    ctx.audit({ entityType: 'property', entityId: before.id, before, after });
    return after;
  },

  'backup.status': async ({ services }) => ({ folder: await services.backups.folder(), backups: await services.backups.list() }),

  'backup.run': async (ctx) => {
    try {
      const made = await ctx.services.backups.run(ctx.db);
      ctx.audit({ entityType: 'backup', entityId: path.basename(made.file), after: made });
      return made;
    } catch (error) {
      throw new AppError('BACKUP_FAILED', { reason: error instanceof Error ? error.message : String(error) });
    }
  },

  'backup.setFolder': async (ctx, { folder }) => {
    if (!path.isAbsolute(folder)) throw new AppError('INPUT_INVALID', { fields: 'folder' }, ['folder']);
    const before = await ctx.services.backups.folder(ctx.db);
    await ctx.services.backups.setFolder(ctx.db, folder);
    ctx.audit({ entityType: 'setting', entityId: 'backup.folder', before, after: folder });
    return { folder, backups: await ctx.services.backups.list(ctx.db) };
  },
};
