/** Checking a staff member's password with the lockout rule, for sign-in, unlock and approval at the desk. */
import { AppError } from '@shared/errors';
import { afterWrongPassword, CLEARED_LOCKOUT, isAccountLocked } from '@shared/rules/lockout';
import type { StaffRow } from '../../db/schema';
import type { HandlerContext } from '../rpc/handler';
import { verifyPassword } from './passwords';

/** Checks a password against a staff row, counting failures towards the lockout. */
export async function checkPassword(ctx: HandlerContext, staff: StaffRow, password: string, wrong: 'WRONG_CREDENTIALS' | 'WRONG_PASSWORD') {
  if (isAccountLocked({ failedAttempts: staff.failed_attempts, lockedUntil: staff.locked_until }, ctx.now)) {
    ctx.audit({ entityType: 'staff', entityId: staff.id });
    return ctx.failAfterCommit(new AppError('ACCOUNT_LOCKED', { until: staff.locked_until! }));
  }
  if (!(await verifyPassword(staff.password_hash, password))) {
    const next = afterWrongPassword({ failedAttempts: staff.failed_attempts, lockedUntil: staff.locked_until }, ctx.now);
    await ctx.db
      .updateTable('staff')
      .set({ failed_attempts: next.failedAttempts, locked_until: next.lockedUntil, updated_at: ctx.now.toISOString() })
      .where('id', '=', staff.id)
      .execute();
    ctx.audit({ entityType: 'staff', entityId: staff.id, after: next });
    return ctx.failAfterCommit(next.lockedUntil ? new AppError('ACCOUNT_LOCKED', { until: next.lockedUntil }) : new AppError(wrong));
  }
  if (staff.failed_attempts > 0 || staff.locked_until) {
    await ctx.db
      .updateTable('staff')
      .set({ failed_attempts: CLEARED_LOCKOUT.failedAttempts, locked_until: CLEARED_LOCKOUT.lockedUntil, updated_at: ctx.now.toISOString() })
      .where('id', '=', staff.id)
      .execute();
  }
}
