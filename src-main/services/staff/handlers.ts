/** Staff accounts (admins manage them) and the editable role × permission matrix. */
import type { Kysely } from 'kysely';
import type { PermissionMatrix } from '@shared/contract';
import { AppError } from '@shared/errors';
import {
  ADMIN_FIXED_PERMISSIONS,
  isPermission,
  PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
} from '@shared/permissions';
import type { Database } from '../../db/schema';
import { credentialColumns } from '../auth/passwords';
import type { HandlerMap } from '../rpc/handler';
import { activeAdminCount, findStaff, insertStaff, toStaffMember } from './staff-rows';

async function loadMatrix(db: Kysely<Database>): Promise<PermissionMatrix> {
  const rows = await db.selectFrom('role_permission').selectAll().execute();
  const granted = Object.fromEntries(ROLES.map((role) => [role, [] as Permission[]])) as Record<Role, Permission[]>;
  for (const { role, permission } of rows) {
    if ((ROLES as readonly string[]).includes(role) && isPermission(permission)) granted[role as Role].push(permission);
  }
  return {
    roles: ROLES,
    permissions: PERMISSIONS,
    granted,
    fixed: ADMIN_FIXED_PERMISSIONS.map((permission) => ({ role: 'admin', permission })),
  };
}

export const staffHandlers: HandlerMap<
  'staff.list' | 'staff.create' | 'staff.update' | 'staff.resetPassword' | 'permissions.matrix' | 'permissions.set'
> = {
  'staff.list': async ({ db }) => {
    const rows = await db.selectFrom('staff').selectAll().where('deleted_at', 'is', null).orderBy('username').execute();
    return rows.map(toStaffMember);
  },

  'staff.create': async (ctx, input) => {
    const taken = await ctx.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw new AppError('USERNAME_TAKEN', { username: input.username });
    const { row } = await insertStaff(ctx.db, input, ctx.now.toISOString());
    const member = toStaffMember(row);
    ctx.audit({ entityType: 'staff', entityId: row.id, after: member });
    return member;
  },

  'staff.update': async (ctx, input) => {
    const before = await findStaff(ctx.db, input.id);
    const losesAdmin = before.role === 'admin' && before.active === 1 && (input.role !== 'admin' || !input.active);
    if (losesAdmin && (await activeAdminCount(ctx.db)) <= 1) throw new AppError('LAST_ADMIN');
    await ctx.db
      .updateTable('staff')
      .set({
        display_name: input.displayName,
        role: input.role,
        active: input.active ? 1 : 0,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', input.id)
      .execute();
    const after = toStaffMember(await findStaff(ctx.db, input.id));
    ctx.audit({ entityType: 'staff', entityId: input.id, before: toStaffMember(before), after });
    if (ctx.session.staffId === input.id) {
      ctx.setSessionAfterCommit(
        after.active ? { ...ctx.session, role: after.role, displayName: after.displayName } : null,
      );
    }
    return after;
  },

  'staff.resetPassword': async (ctx, { id, password }) => {
    await findStaff(ctx.db, id);
    const { signer: _unused, ...credentials } = await credentialColumns(id, password);
    await ctx.db
      .updateTable('staff')
      .set({ ...credentials, failed_attempts: 0, locked_until: null, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = toStaffMember(await findStaff(ctx.db, id));
    ctx.audit({ entityType: 'staff', entityId: id, after });
    return after;
  },

  'permissions.matrix': ({ db }) => loadMatrix(db),

  'permissions.set': async (ctx, { role, permission, granted }) => {
    if (!granted && role === 'admin' && ADMIN_FIXED_PERMISSIONS.includes(permission))
      throw new AppError('ADMIN_PERMISSION_FIXED', { permission });
    const before = await ctx.db
      .selectFrom('role_permission')
      .select('role')
      .where('role', '=', role)
      .where('permission', '=', permission)
      .executeTakeFirst();
    if (granted) {
      await ctx.db
        .insertInto('role_permission')
        .values({ role, permission })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await ctx.db
        .deleteFrom('role_permission')
        .where('role', '=', role)
        .where('permission', '=', permission)
        .execute();
    }
    ctx.audit({
      entityType: 'role_permission',
      entityId: `${role}:${permission}`,
      before: { granted: before !== undefined },
      after: { granted },
    });
    return loadMatrix(ctx.db);
  },
};
