/** Property settings and this desk's backups. */
import { z } from 'zod';
import { STAY_NIGHTS_LIMIT } from '../rules/stay';
import { mutation, query } from './define';
import { propertySettings } from './fields';
import type { Property } from './session';

/** A blank text clears the value (null); undefined leaves it as it is. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export interface BackupFile {
  file: string;
  at: string;
  bytes: number;
  /** `.ybk`: encrypted under the property key; otherwise a plain file made before the property had a key. */
  encrypted: boolean;
}

/** The second copy on another device (a removable drive, a network share) and how fresh it must be. */
export interface SecondCopyStatus {
  folder: string | null;
  maxDays: number;
  /** When the last copy that was read back and verified was made; null if never. */
  lastCopyAt: string | null;
  /** Never made, or older than maxDays: the header warns those who manage backups. */
  overdue: boolean;
  /** The folder is on the desk's own disk (no separate device); null when it cannot be reached now (an unplugged drive). */
  sameDisk: boolean | null;
}

export interface BackupStatus {
  folder: string;
  backups: BackupFile[];
  second: SecondCopyStatus;
}

/** A backup made on demand, with where its second copy went (null when no second folder is set). */
export interface BackupMade extends BackupFile {
  secondCopy: string | null;
}

export const settingsOperations = {
  'property.update': mutation<Property>()({
    name: 'property.update',
    input: propertySettings.extend({
      idleLockMinutes: z.number().int().min(1).max(240),
      maxStayNights: z.number().int().min(1).max(STAY_NIGHTS_LIMIT),
      /** Printed on the voucher; blank clears them. Left out: unchanged. */
      address: optionalText(200),
      phone: optionalText(40),
      /** When a stay starts and ends (HH:MM). Left out: unchanged. */
      checkInTime: clockTime.optional(),
      checkOutTime: clockTime.optional(),
    }),
    access: 'settings.manage',
  }),
  'backup.status': query<BackupStatus>()({
    name: 'backup.status',
    input: z.object({}),
    access: 'backup.manage',
  }),
  'backup.run': mutation<BackupMade>()({
    name: 'backup.run',
    input: z.object({}),
    access: 'backup.manage',
    sync: false,
  }),
  'backup.setFolder': mutation<BackupStatus>()({
    name: 'backup.setFolder',
    input: z.object({ folder: z.string().trim().min(1).max(400) }),
    access: 'backup.manage',
    sync: false,
  }),
  'backup.setSecondLocation': mutation<BackupStatus>()({
    name: 'backup.setSecondLocation',
    /** An empty folder turns the second copy off. */
    input: z.object({ folder: z.string().trim().max(400), maxDays: z.number().int().min(1).max(90) }),
    access: 'backup.manage',
    sync: false,
  }),
};
