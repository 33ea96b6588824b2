/** Staff accounts and the role × permission matrix. */
import { z } from 'zod';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../permissions';
import { mutation, query } from './define';
import { displayName, id, password, role, username } from './fields';

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface PermissionMatrix {
  roles: readonly Role[];
  permissions: readonly Permission[];
  granted: Record<Role, Permission[]>;
  fixed: { role: Role; permission: Permission }[];
}

export const staffOperations = {
  'staff.list': query<StaffMember[]>()({
    name: 'staff.list',
    input: z.object({}),
    access: 'staff.manage',
  }),
  'staff.create': mutation<StaffMember>()({
    name: 'staff.create',
    input: z.object({ username, displayName, role, password }),
    access: 'staff.manage',
    redact: ['password'],
  }),
  'staff.update': mutation<StaffMember>()({
    name: 'staff.update',
    input: z.object({ id, displayName, role, active: z.boolean() }),
    access: 'staff.manage',
  }),
  'staff.resetPassword': mutation<StaffMember>()({
    name: 'staff.resetPassword',
    input: z.object({ id, password }),
    access: 'staff.manage',
    redact: ['password'],
  }),
};

export const permissionOperations = {
  'permissions.matrix': query<PermissionMatrix>()({
    name: 'permissions.matrix',
    input: z.object({}),
    access: 'permissions.manage',
  }),
  'permissions.set': mutation<PermissionMatrix>()({
    name: 'permissions.set',
    input: z.object({ role: z.enum(ROLES), permission: z.enum(PERMISSIONS), granted: z.boolean() }),
    access: 'permissions.manage',
  }),
};
