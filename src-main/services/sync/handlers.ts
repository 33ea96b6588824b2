/** This desk's link to the central server: status, "sync now", enrolment. */
import { AppError } from '@shared/errors';
import { transportAllowed } from '@shared/sync/transport';
import { applyEnrolment, describeDesk, requestEnrolment } from '../../sync/enrol';
import { checkPassword } from '../auth/credentials';
import { staged, type HandlerMap } from '../rpc/handler';
import { findStaff } from '../staff/staff-rows';

export const syncHandlers: HandlerMap<'sync.status' | 'sync.now' | 'sync.enrol'> = {
  'sync.status': async ({ services }) => services.sync.status(),

  'sync.now': async ({ db, services }) => {
    // The run starts once this call's transaction has let go of the connection.
    services.sync.requestNow();
    return services.sync.status(db);
  },

  /**
   * Staged: the server may take up to 30 s to answer, and the desk keeps working meanwhile.
   * dispatch has already required an unlocked session holding sync.manage on a desk that is set up
   * (a fresh desk joins from its first-run screen without one).
   */
  'sync.enrol': staged<'sync.enrol'>()({
    check: async (ctx, { serverUrl, allowInsecure, password }) => {
      if (!transportAllowed(serverUrl, allowInsecure)) throw new AppError('SYNC_INSECURE_URL');
      const setUp = await ctx.db.selectFrom('property').select('id').executeTakeFirst();
      if (setUp) {
        if (!ctx.session) throw new AppError('NOT_SIGNED_IN');
        // Whoever finds an unlocked admin desk must still know the admin's password to re-point it.
        if (!password) throw new AppError('INPUT_INVALID', { fields: 'password' }, ['password']);
        await checkPassword(ctx, await findStaff(ctx.db, ctx.session.staffId), password, 'WRONG_PASSWORD');
      }
      return describeDesk(ctx.db, ctx.services);
    },

    outside: (services, desk, { serverUrl, allowInsecure, code }) => requestEnrolment(services.sync.tokens, { serverUrl, allowInsecure }, code, desk),

    apply: async (ctx, { serverUrl, allowInsecure }, answer) => {
      const mode = await applyEnrolment(ctx.db, ctx.services, ctx.services.sync.tokens, { serverUrl, allowInsecure }, answer, ctx.now);
      // A joining desk's own accounts are gone: staff come down from the property with the first pull.
      if (mode === 'joining') ctx.setSessionAfterCommit(null);
      ctx.audit({ entityType: 'sync', entityId: ctx.services.device.id, after: { serverUrl, mode, insecure: allowInsecure } });
      ctx.services.sync.requestNow();
      return { mode };
    },
  }),
};
