/**
 * The recovery screen's operations. When the desk database cannot be opened the host serves
 * only these (every other call answers DATABASE_UNAVAILABLE); once it opens, `recovery.status`
 * says there is no problem and a restore is refused — except on a fresh desk that is not set up
 * yet (a new PC), which may find a backup in a folder and be restored from it. A restore needs
 * the recovery passphrase: there may be no staff table to sign in against.
 */
import { z } from 'zod';
import { mutation, query } from './define';

/** Why the database could not be opened, in the words the screen explains. */
export const RECOVERY_PROBLEM_KINDS = [
  'truncated',
  'missing',
  'damaged',
  'read-only',
  'disk-full',
  'newer-version',
  'migration-failed',
  'unknown',
] as const;
export type RecoveryProblemKind = (typeof RECOVERY_PROBLEM_KINDS)[number];

export interface RecoveryProblem {
  kind: RecoveryProblemKind;
  /** The technical message, for whoever helps on the phone; the screen leads with plain words. */
  detail: string;
  dataDir: string;
}

/** A backup the desk can see: in the backup folder, the default folder or the second location. */
export interface RecoveryBackup {
  file: string;
  at: string;
  bytes: number;
  encrypted: boolean;
  /** Whole and unchanged since written (its checksum), checked without the key; the restore checks every tag with it. */
  intact: boolean;
  /** Where it was found. */
  location: 'folder' | 'second';
}

export interface RecoveryStatus {
  problem: RecoveryProblem | null;
  backups: RecoveryBackup[];
}

export interface Restored {
  keptAs: string | null;
}

/** An absolute folder path, as typed (D:\\备份, /media/usb/yingbin). */
const folder = z.string().trim().min(1).max(1000);

export const recoveryOperations = {
  'recovery.status': query<RecoveryStatus>()({
    name: 'recovery.status',
    input: z.object({}),
    access: 'public',
  }),
  /** A fresh desk (a new PC, before setup): the backups in a folder the admin names (a drive, a share). */
  'recovery.find': query<RecoveryBackup[]>()({
    name: 'recovery.find',
    input: z.object({ folder }),
    access: 'public',
  }),
  /** Also on a fresh desk, from a folder `recovery.find` looked in. */
  'recovery.restore': mutation<Restored>()({
    name: 'recovery.restore',
    input: z.object({
      file: z.string().min(1).max(1000),
      passphrase: z.string().min(1).max(500),
      folder: folder.optional(),
    }),
    access: 'public',
    redact: ['passphrase'],
    sync: false,
  }),
};
