/** This desk's link to the central server: status, "sync now", enrolment. */
import { AppError } from '@shared/errors';
import { enrol } from '../../sync/enrol';
import { hasPermission } from '../permissions';
import type { HandlerMap } from '../rpc/handler';

export const syncHandlers: HandlerMap<'sync.status' | 'sync.now' | 'sync.enrol'> = {
  'sync.status': async ({ services }) => services.sync.status(),

  'sync.now': async ({ db, services }) => {
    // The run starts once this call's transaction has let go of the connection.
    services.sync.requestNow();
    return services.sync.status(db);
  },

  'sync.enrol': async (ctx, { serverUrl, code }) => {
    const setUp = await ctx.db.selectFrom('property').select('id').executeTakeFirst();
    if (setUp) {
      if (!ctx.session) throw new AppError('NOT_SIGNED_IN');
      if (!(await hasPermission(ctx.db, ctx.session.role, 'sync.manage'))) throw new AppError('PERMISSION_DENIED', { permission: 'sync.manage' });
    }
    const mode = await enrol(ctx.db, ctx.services, ctx.services.sync.tokens, serverUrl, code);
    // A joining desk's own accounts are gone: staff come down from the property with the first pull.
    if (mode === 'joining') ctx.setSessionAfterCommit(null);
    ctx.audit({ entityType: 'sync', entityId: ctx.services.device.id, after: { serverUrl, mode } });
    ctx.services.sync.requestNow();
    return { mode };
  },
};
