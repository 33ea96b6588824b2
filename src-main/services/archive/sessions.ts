/**
 * The archive's in-memory sessions of one desk: uploads under way (the file's sealer — its data
 * key and the running digest — and the hashes of the chunks stored so far) and reads open (a
 * file's data key, for one person's sign-in). Nothing here is ever written anywhere; a restart
 * forgets it all (a complete upload is kept on the desk: see uploads.ts). Kept per desk (several desks may share a process in tests).
 */
import type { ArchiveTier } from '@shared/contract/archive';
import type { FileSealer } from '../../vault/file-cipher';
import type { Session } from '../session-holder';
import type { ArchiveFileRow, SealedFile } from './store';

export const UPLOAD_MINUTES = 60;
export const READ_MINUTES = 10;

export interface Upload {
  staffId: string;
  tier: 'contract' | 'customer';
  fileName: string;
  mediaType: string;
  sealer: FileSealer;
  hashes: string[];
  expiresAt: number;
}

/** What a filing takes from a complete upload: the sealed file's fields, never the data key in clear. */
export interface FiledUpload {
  staffId: string;
  tier: 'contract' | 'customer';
  fileName: string;
  mediaType: string;
  sealed: SealedFile;
}

export interface Read {
  /** The sign-in the read belongs to: it ends when that session is gone (sign-out, lock, another sign-in). */
  session: Session;
  file: ArchiveFileRow;
  tier: ArchiveTier;
  dataKey: Buffer;
  expiresAt: number;
}

export interface ArchiveSessions {
  uploads: Map<string, Upload>;
  reads: Map<string, Read>;
}

const byDesk = new WeakMap<object, ArchiveSessions>();

/** The sessions of the desk `device` identifies (the desk's one device object). */
export function archiveSessions(device: object): ArchiveSessions {
  let sessions = byDesk.get(device);
  if (!sessions) {
    sessions = { uploads: new Map(), reads: new Map() };
    byDesk.set(device, sessions);
  }
  return sessions;
}

/** Forgets what has expired (a read's data key is zeroed). */
export function sweepSessions(sessions: ArchiveSessions, now: Date): void {
  const at = now.getTime();
  for (const [id, upload] of sessions.uploads) if (upload.expiresAt <= at) sessions.uploads.delete(id);
  for (const [id, read] of sessions.reads)
    if (read.expiresAt <= at) {
      read.dataKey.fill(0);
      sessions.reads.delete(id);
    }
}
