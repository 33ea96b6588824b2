/**
 * The signed-in person types their password again (issue 15): customer documents open for the
 * archive policy's minutes after it. The same check as unlocking the desk, failures counting
 * towards the same lockout; the time is kept on the desk's session only, never stored.
 */
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';
import { findStaff } from '../staff/staff-rows';
import { checkPassword } from './credentials';

export const confirmHandlers: HandlerMap<'auth.confirm'> = {
  'auth.confirm': async (ctx, { password }) => {
    const { session, now } = ctx;
    const staff = await findStaff(ctx.db, session.staffId);
    await checkPassword(ctx, staff, password, 'WRONG_PASSWORD');
    ctx.audit({ entityType: 'staff', entityId: staff.id });
    if (!staff.active) {
      ctx.setSessionAfterCommit(null);
      return ctx.failAfterCommit(new AppError('ACCOUNT_DISABLED'));
    }
    // The same session object: reads the person has open stay theirs.
    ctx.afterCommit(() => {
      session.confirmedAt = now;
    });
    return { confirmedAt: now.toISOString() };
  },
};
