/**
 * The archive's in-memory sessions of one desk: uploads under way (the file's sealer — its data
 * key and the running digest — and the hashes of the chunks stored so far), uploads already filed
 * (what was filed, so that a filing mutation run again on a sync rebase finds its file) and reads
 * open (a file's data key, for one person's sign-in). Nothing here is ever written anywhere; a
 * restart forgets it all. Kept per desk (several desks may share a process in tests).
 */
import type { ArchiveTier } from '@shared/contract/archive';
import type { FileSealer } from '../../vault/file-cipher';
import type { Session } from '../session-holder';
import type { ArchiveFileRow, SealedFile } from './store';

export const UPLOAD_MINUTES = 60;
export const READ_MINUTES = 10;
/** How long a filed upload is remembered for a rebase that runs its filing again. */
const FILED_MINUTES = 24 * 60;

export interface Upload {
  staffId: string;
  tier: 'contract' | 'customer';
  fileName: string;
  mediaType: string;
  sealer: FileSealer;
  hashes: string[];
  expiresAt: number;
}

/** What a filing took from a complete upload: enough to file it again, never the data key in clear. */
export interface FiledUpload {
  staffId: string;
  tier: 'contract' | 'customer';
  fileName: string;
  mediaType: string;
  /** Sealed file fields with the data key wrapped; the property key it is wrapped by may not be open later. */
  sealed: SealedFile;
  expiresAt: number;
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
  filed: Map<string, FiledUpload>;
  reads: Map<string, Read>;
}

const byDesk = new WeakMap<object, ArchiveSessions>();

/** The sessions of the desk `device` identifies (the desk's one device object). */
export function archiveSessions(device: object): ArchiveSessions {
  let sessions = byDesk.get(device);
  if (!sessions) {
    sessions = { uploads: new Map(), filed: new Map(), reads: new Map() };
    byDesk.set(device, sessions);
  }
  return sessions;
}

/** Forgets what has expired (a read's data key is zeroed). */
export function sweepSessions(sessions: ArchiveSessions, now: Date): void {
  const at = now.getTime();
  for (const [id, upload] of sessions.uploads) if (upload.expiresAt <= at) sessions.uploads.delete(id);
  for (const [id, filed] of sessions.filed) if (filed.expiresAt <= at) sessions.filed.delete(id);
  for (const [id, read] of sessions.reads)
    if (read.expiresAt <= at) {
      read.dataKey.fill(0);
      sessions.reads.delete(id);
    }
}

export function filedExpiry(now: Date): number {
  return now.getTime() + FILED_MINUTES * 60_000;
}
