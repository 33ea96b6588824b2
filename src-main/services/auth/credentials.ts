/**
 * Checking a staff member's password with the lockout rule, for sign-in, unlock, approval at the
 * desk and enrolment. A username the desk does not know goes through the very same lockout (its
 * failures kept in signin_failure) and costs the same argon2 verification, so no answer — wrong,
 * locked, until when — tells a real account from a made-up one.
 */
import { AppError } from '@shared/errors';
import { afterWrongPassword, CLEARED_LOCKOUT, isAccountLocked, type LockoutState } from '@shared/rules/lockout';
import type { StaffRow } from '../../db/schema';
import type { AuditSubject, HandlerContext } from '../rpc/handler';
import { verifyPassword } from './passwords';
import { newSigningKey, signerFor, type Signer } from './signing';

/** An argon2id hash (the library's default parameters) of a random secret nobody kept: unknown names are verified against it. */
const NOBODY = '$argon2id$v=19$m=19456,t=2,p=1$LjPgJMNYhDtr0JTxQgtOUg$tN2npn9TZ+4pJlEjhF/EM6Cfdy+mO2h63Df4CGYAcwQ';

interface Lockable {
  state: LockoutState;
  matches(): Promise<boolean>;
  /** Keeps the state wherever the account's lives. */
  save(next: LockoutState): Promise<void>;
  /** The audit entry's subject when the check fails (none for a name the desk does not know). */
  subject: AuditSubject | null;
}

/** The lockout rule around one password check. */
async function withLockout(
  ctx: HandlerContext,
  account: Lockable,
  wrong: 'WRONG_CREDENTIALS' | 'WRONG_PASSWORD',
): Promise<void> {
  const { state, subject } = account;
  if (isAccountLocked(state, ctx.now)) {
    if (subject) ctx.audit(subject);
    return ctx.failAfterCommit(new AppError('ACCOUNT_LOCKED', { until: state.lockedUntil! }));
  }
  if (!(await account.matches())) {
    const next = afterWrongPassword(state, ctx.now);
    await account.save(next);
    if (subject) ctx.audit({ ...subject, after: next });
    return ctx.failAfterCommit(
      next.lockedUntil ? new AppError('ACCOUNT_LOCKED', { until: next.lockedUntil }) : new AppError(wrong),
    );
  }
  if (state.failedAttempts > 0 || state.lockedUntil) await account.save(CLEARED_LOCKOUT);
}

/** Checks a password against a staff row, counting failures towards the lockout. */
export async function checkPassword(
  ctx: HandlerContext,
  staff: StaffRow,
  password: string,
  wrong: 'WRONG_CREDENTIALS' | 'WRONG_PASSWORD',
) {
  await withLockout(
    ctx,
    {
      state: { failedAttempts: staff.failed_attempts, lockedUntil: staff.locked_until },
      matches: () => verifyPassword(staff.password_hash, password),
      // Only the desk-only columns: a lockout stays on this desk and makes no change to sync (no updated_at).
      save: async (next) => {
        await ctx.db
          .updateTable('staff')
          .set({ failed_attempts: next.failedAttempts, locked_until: next.lockedUntil })
          .where('id', '=', staff.id)
          .execute();
      },
      subject: { entityType: 'staff', entityId: staff.id },
    },
    wrong,
  );
}

/**
 * Username and password typed at the desk (sign-in, a supervisor approving at the desk): the staff
 * row when they match; otherwise it fails after commit with the answer a known account would get.
 */
export async function checkCredentials(ctx: HandlerContext, username: string, password: string): Promise<StaffRow> {
  const staff = await ctx.db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', username)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (staff) {
    await checkPassword(ctx, staff, password, 'WRONG_CREDENTIALS');
    return staff;
  }
  const row = await ctx.db.selectFrom('signin_failure').selectAll().where('username', '=', username).executeTakeFirst();
  await withLockout(
    ctx,
    {
      state: { failedAttempts: row?.failed_attempts ?? 0, lockedUntil: row?.locked_until ?? null },
      matches: async () => {
        await verifyPassword(NOBODY, password);
        return false;
      },
      save: async (next) => {
        const values = {
          failed_attempts: next.failedAttempts,
          locked_until: next.lockedUntil,
          updated_at: ctx.now.toISOString(),
        };
        await ctx.db
          .insertInto('signin_failure')
          .values({ username, ...values })
          .onConflict((oc) => oc.column('username').doUpdateSet(values))
          .execute();
      },
      subject: null,
    },
    'WRONG_CREDENTIALS',
  );
  throw new Error('unreachable: an unknown username never matches');
}

/**
 * The signer of someone whose password was just checked (sign-in, unlock, approval at the desk). An account from before signing
 * keys gets its key now; the key is a desk-only write until it travels with the next sync.
 */
export async function signerAfterPassword(ctx: HandlerContext, staff: StaffRow, password: string): Promise<Signer> {
  const existing = await signerFor(staff, password);
  if (existing) return existing;
  const { sign_salt, sign_key, signer } = await newSigningKey(staff.id, password);
  await ctx.db
    .updateTable('staff')
    .set({ sign_salt, sign_key })
    .where('id', '=', staff.id)
    .where('sign_key', 'is', null)
    .execute();
  return signer;
}
