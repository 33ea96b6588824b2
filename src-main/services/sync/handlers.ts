/** This desk's link to the central server: status, "sync now", enrolment. */
import { AppError } from '@shared/errors';
import { transportAllowed } from '@shared/sync/transport';
import { applyEnrolment, describeDesk, requestEnrolment } from '../../sync/enrol';
import { checkPassword } from '../auth/credentials';
import { staged, type HandlerMap } from '../rpc/handler';
import { findStaff } from '../staff/staff-rows';

export const syncHandlers: HandlerMap<'sync.status' | 'sync.now' | 'sync.enrol'> = {
  'sync.status': async ({ sync }) => sync.status(),

  'sync.now': async ({ db, sync }) => {
    // The run starts once this call's transaction has let go of the connection; the answer already says it is under way.
    sync.requestNow();
    return sync.status(db);
  },

  /**
   * Staged: the server may take up to 30 s to answer, and the desk keeps working meanwhile.
   * dispatch has already required an unlocked session holding sync.manage on a desk that is set up;
   * only a fresh desk, joining from its first-run screen, comes without one.
   */
  'sync.enrol': staged<'sync.enrol'>()({
    check: async (ctx, { serverUrl, allowInsecure, password }) => {
      if (!transportAllowed(serverUrl, allowInsecure)) throw new AppError('SYNC_INSECURE_URL');
      if (ctx.session) {
        // Whoever finds an unlocked admin desk must still know the admin's password to re-point it.
        if (!password) throw new AppError('INPUT_INVALID', { fields: 'password' }, ['password']);
        await checkPassword(ctx, await findStaff(ctx.db, ctx.session.staffId), password, 'WRONG_PASSWORD');
      }
      return describeDesk(ctx.db, ctx);
    },

    outside: ({ sync }, desk, { serverUrl, allowInsecure, code }) =>
      requestEnrolment(sync.tokens, { serverUrl, allowInsecure }, code, desk),

    apply: async (ctx, { serverUrl, allowInsecure }, answer) => {
      const mode = await applyEnrolment(ctx.db, ctx, ctx.sync.tokens, { serverUrl, allowInsecure }, answer, ctx.now);
      // A joining desk's own accounts are gone: staff come down from the property with the first pull.
      if (mode === 'joining') ctx.setSessionAfterCommit(null);
      ctx.audit({ entityType: 'sync', entityId: ctx.device.id, after: { serverUrl, mode, insecure: allowInsecure } });
      ctx.afterCommit(() => ctx.sync.requestNow());
      return { mode };
    },
  }),
};
