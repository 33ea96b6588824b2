/**
 * Roles and permissions. The matrix itself is data (table role_permission, editable by admins);
 * this module only names what exists and the defaults a new property starts with.
 */
export const ROLES = ['agent', 'service_rep', 'supervisor', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'staff.manage',
  'permissions.manage',
  'settings.manage',
  'audit.view',
  'backup.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const DEFAULT_GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  agent: [],
  service_rep: [],
  supervisor: ['audit.view'],
  director: ['audit.view', 'backup.manage'],
  admin: PERMISSIONS,
};

/** Permissions an admin can never lose, so that nobody can lock the property out of its own settings. */
export const ADMIN_FIXED_PERMISSIONS: readonly Permission[] = ['permissions.manage', 'staff.manage'];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
