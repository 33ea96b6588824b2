/** First-run setup, sign-in with lockout, sign-out, idle lock and unlock, own password change. */
import { newId } from '../made';
import { AppError } from '@shared/errors';
import { DEFAULT_GRANTS, ROLES } from '@shared/permissions';
import { businessDateAtSetup } from '@shared/rules/business-day';
import { setBusinessDate } from '../business-date';
import type { HandlerMap } from '../rpc/handler';
import { checkCredentials, checkPassword, signerAfterPassword } from './credentials';
import { credentialColumns } from './passwords';
import { newSession, sessionInfo } from './session-info';
import { findStaff, insertStaff } from '../staff/staff-rows';
import { makePropertyKey } from '../vault/handlers';
import { sealAuditKey } from '../audit/escrow';

export const authHandlers: HandlerMap<
  | 'setup.status'
  | 'setup.initialize'
  | 'auth.session'
  | 'auth.keepAlive'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
> = {
  'setup.status': async ({ db }) => {
    const property = await db.selectFrom('property').select(['name', 'time_zone']).executeTakeFirst();
    return property
      ? { needsSetup: false, propertyName: property.name, timeZone: property.time_zone }
      : { needsSetup: true };
  },

  'setup.initialize': async (ctx, { property, admin, recoveryPassphrase }) => {
    const { db, now } = ctx;
    if (await db.selectFrom('property').select('id').executeTakeFirst()) throw new AppError('ALREADY_SET_UP');
    const at = now.toISOString();
    const propertyId = newId();
    const key = await makePropertyKey(ctx.vault, recoveryPassphrase, 'recoveryPassphrase');
    await db
      .insertInto('property')
      .values({
        id: propertyId,
        name: property.name,
        time_zone: property.timeZone,
        currency: property.currency,
        idle_lock_minutes: 10,
        ...key,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await sealAuditKey(db, ctx);
    // The business date is state from the first day: the property's date now, moved only by the night audit.
    await setBusinessDate(db, businessDateAtSetup(now, property.timeZone));
    await db
      .insertInto('role_permission')
      .values(ROLES.flatMap((role) => DEFAULT_GRANTS[role].map((permission) => ({ role, permission }))))
      .execute();
    const { row: staff, signer } = await insertStaff(db, { ...admin, role: 'admin' }, at);
    ctx.audit({ entityType: 'property', entityId: propertyId, after: property });
    const session = newSession(staff, now, signer);
    ctx.setSessionAfterCommit(session);
    return sessionInfo(db, ctx.device, session);
  },

  'auth.keepAlive': async () => null,

  'auth.session': async ({ db, device, session }) => (session ? sessionInfo(db, device, session) : null),

  'auth.signIn': async (ctx, { username, password }) => {
    const staff = await checkCredentials(ctx, username, password);
    if (!staff.active) {
      ctx.audit({ entityType: 'staff', entityId: staff.id });
      return ctx.failAfterCommit(new AppError('ACCOUNT_DISABLED'));
    }
    ctx.audit({ entityType: 'staff', entityId: staff.id });
    const session = newSession(staff, ctx.now, await signerAfterPassword(ctx, staff, password));
    ctx.setSessionAfterCommit(session);
    return sessionInfo(ctx.db, ctx.device, session);
  },

  'auth.signOut': async (ctx) => {
    const { session } = ctx;
    ctx.audit({ entityType: 'staff', entityId: session.staffId });
    ctx.setSessionAfterCommit(null);
    return null;
  },

  'auth.lock': async (ctx) => {
    const { session } = ctx;
    ctx.audit({ entityType: 'staff', entityId: session.staffId });
    ctx.setSessionAfterCommit({ ...session, locked: true });
    return null;
  },

  'auth.unlock': async (ctx, { password }) => {
    const { session } = ctx;
    const staff = await findStaff(ctx.db, session.staffId);
    await checkPassword(ctx, staff, password, 'WRONG_PASSWORD');
    if (!staff.active) {
      ctx.setSessionAfterCommit(null);
      return ctx.failAfterCommit(new AppError('ACCOUNT_DISABLED'));
    }
    ctx.audit({ entityType: 'staff', entityId: staff.id });
    const unlocked = {
      ...newSession(staff, ctx.now, await signerAfterPassword(ctx, staff, password)),
      signedInAt: session.signedInAt,
    };
    ctx.setSessionAfterCommit(unlocked);
    return sessionInfo(ctx.db, ctx.device, unlocked);
  },

  'auth.changePassword': async (ctx, { currentPassword, newPassword }) => {
    const { session } = ctx;
    const staff = await findStaff(ctx.db, session.staffId);
    await checkPassword(ctx, staff, currentPassword, 'WRONG_PASSWORD');
    const { signer, ...credentials } = await credentialColumns(staff.id, newPassword);
    await ctx.db
      .updateTable('staff')
      .set({ ...credentials, updated_at: ctx.now.toISOString() })
      .where('id', '=', staff.id)
      .execute();
    ctx.setSessionAfterCommit({ ...session, signer });
    ctx.audit({ entityType: 'staff', entityId: staff.id });
    return null;
  },
};
