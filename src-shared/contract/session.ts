/** Setup (first run), sign-in, idle lock and the signed-in session. */
import { z } from 'zod';
import type { Permission, Role } from '../permissions';
import { mutation, query } from './define';
import { passphrase } from './vault';
import { displayName, password, propertySettings, username } from './fields';

export interface Property {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  idleLockMinutes: number;
  /** The longest stay sold, in nights. */
  maxStayNights: number;
  /** Printed on the voucher; null until an admin enters them. */
  address: string | null;
  phone: string | null;
  /** When a stay starts and ends, `HH:MM` (the synced checkInTime / checkOutTime settings, or their defaults). */
  checkInTime: string;
  checkOutTime: string;
}

export interface SessionInfo {
  user: { id: string; username: string; displayName: string; role: Role };
  permissions: Permission[];
  locked: boolean;
  property: Property;
  desk: { id: string; code: string };
}

/** Before sign-in the desk still knows its property's name and zone (for the sign-in screen's times). */
export type SetupStatus = { needsSetup: true } | { needsSetup: false; propertyName: string; timeZone: string };

export const setupOperations = {
  'setup.status': query<SetupStatus>()({
    name: 'setup.status',
    input: z.object({}),
    access: 'public',
    allowWhenLocked: true,
  }),
  'setup.initialize': mutation<SessionInfo>()({
    name: 'setup.initialize',
    input: z.object({
      property: propertySettings,
      admin: z.object({ username, displayName, password }),
      /** Wraps the property key for recovery: a new PC, a joining desk, a restore. Checked for strength by main. */
      recoveryPassphrase: passphrase,
    }),
    access: 'public',
    redact: ['admin.password', 'recoveryPassphrase'],
    // Runs before the desk is connected: what it writes reaches a server only in the founding snapshot.
    sync: false,
  }),
};

export const authOperations = {
  'auth.session': query<SessionInfo | null>()({
    name: 'auth.session',
    input: z.object({}),
    access: 'public',
    allowWhenLocked: true,
  }),
  /** Tells the host the person at the desk is still active (reading, scrolling) though no call was made. */
  'auth.keepAlive': query<null>()({
    name: 'auth.keepAlive',
    input: z.object({}),
    access: 'signed-in',
    activity: true,
  }),
  'auth.signIn': mutation<SessionInfo>()({
    name: 'auth.signIn',
    input: z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(128) }),
    access: 'public',
    redact: ['password'],
    sync: false,
  }),
  'auth.signOut': mutation<null>()({
    name: 'auth.signOut',
    input: z.object({}),
    access: 'signed-in',
    allowWhenLocked: true,
    sync: false,
  }),
  'auth.lock': mutation<null>()({
    name: 'auth.lock',
    input: z.object({}),
    access: 'signed-in',
    allowWhenLocked: true,
    sync: false,
  }),
  'auth.unlock': mutation<SessionInfo>()({
    name: 'auth.unlock',
    input: z.object({ password: z.string().min(1).max(128) }),
    access: 'signed-in',
    allowWhenLocked: true,
    redact: ['password'],
    sync: false,
  }),
  /** Types the signed-in person's password again: customer documents open for the archive policy's minutes after. */
  'auth.confirm': mutation<{ confirmedAt: string }>()({
    name: 'auth.confirm',
    input: z.object({ password: z.string().min(1).max(128) }),
    access: 'signed-in',
    redact: ['password'],
    sync: false,
  }),
  'auth.changePassword': mutation<null>()({
    name: 'auth.changePassword',
    input: z.object({ currentPassword: z.string().min(1).max(128), newPassword: password }),
    access: 'signed-in',
    redact: ['currentPassword', 'newPassword'],
  }),
};
