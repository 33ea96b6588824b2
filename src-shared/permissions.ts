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
  'vault.manage',
  'approvals.decide',
  'approvals.policy',
  'guests.view',
  'guests.delete',
  'guests.export',
  'guests.manage',
  'guests.viewId',
  'bookings.view',
  'bookings.manage',
  'housekeeping.manage',
  'nightAudit.run',
  'inventory.manage',
  'tickets.sell',
  'tickets.redeem',
  'sync.manage',
  'conflicts.resolve',
  'complaints.handle',
  'complaints.supervise',
  'reports.view',
  'reports.submit',
  'archive.contracts.manage',
  'archive.contracts.read',
  'archive.customer.attach',
  'archive.customer.read',
  'archive.records.read',
  'archive.records.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a newly set-up property grants. Later migrations grant new permissions to existing properties. */
const FRONT_DESK: readonly Permission[] = [
  'guests.view',
  'guests.delete',
  'guests.manage',
  'bookings.view',
  'bookings.manage',
  'housekeeping.manage',
  'tickets.sell',
  'tickets.redeem',
  'complaints.handle',
  'archive.customer.attach',
];
const APPROVER: readonly Permission[] = [
  ...FRONT_DESK,
  'audit.view',
  'approvals.decide',
  'guests.export',
  'guests.viewId',
  'nightAudit.run',
  'conflicts.resolve',
  'complaints.supervise',
  'reports.view',
  'reports.submit',
  'archive.customer.read',
  'archive.records.read',
];

export const DEFAULT_GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  agent: FRONT_DESK,
  service_rep: FRONT_DESK,
  supervisor: APPROVER,
  // Contract files are the director's alone (the rules the desk works under); a general manager may be granted them.
  director: [...APPROVER, 'backup.manage', 'inventory.manage', 'archive.contracts.manage', 'archive.contracts.read'],
  general_manager: [...APPROVER, 'backup.manage', 'inventory.manage', 'archive.contracts.manage'],
  // An administrator keeps the house (files contracts, keeps work records) but reads no contract or
  // customer document; deciding, signing off and submitting are the managers'.
  admin: PERMISSIONS.filter(
    (permission) =>
      ![
        'approvals.decide',
        'complaints.supervise',
        'reports.submit',
        'archive.contracts.read',
        'archive.customer.read',
      ].includes(permission),
  ),
};

/** Permissions an admin can never lose, so that nobody can lock the property out of its own settings. */
export const ADMIN_FIXED_PERMISSIONS: readonly Permission[] = ['permissions.manage', 'staff.manage'];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
