/**
 * Roles and permissions. The matrix itself is data (table role_permission, editable by admins);
 * this module only names what exists and the defaults a new property starts with.
 */
export const ROLES = ['agent', 'service_rep', 'supervisor', 'director', 'general_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'staff.manage',
  'permissions.manage',
  'settings.manage',
  'audit.view',
  'backup.manage',
  'approvals.decide',
  'approvals.policy',
  'guests.view',
  'guests.delete',
  'guests.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a newly set-up property grants. Later migrations grant new permissions to existing properties. */
export const DEFAULT_GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  agent: ['guests.view', 'guests.delete'],
  service_rep: ['guests.view', 'guests.delete'],
  supervisor: ['audit.view', 'approvals.decide', 'guests.view', 'guests.delete', 'guests.export'],
  director: ['audit.view', 'backup.manage', 'approvals.decide', 'guests.view', 'guests.delete', 'guests.export'],
  general_manager: ['audit.view', 'backup.manage', 'approvals.decide', 'guests.view', 'guests.delete', 'guests.export'],
  admin: PERMISSIONS.filter((permission) => permission !== 'approvals.decide'),
};

/** Permissions an admin can never lose, so that nobody can lock the property out of its own settings. */
export const ADMIN_FIXED_PERMISSIONS: readonly Permission[] = ['permissions.manage', 'staff.manage'];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
