/**
 * What each synced `setting` row holds, by key: the desk writes them, every desk and the server
 * read them (the server to recompute what the shared rules derive). One place names each key
 * with the type of its value, so a reader never guesses.
 */
import type { ArchivePolicy } from './contract/archive';
import type { MembersPolicy } from './contract/members';

export interface SyncedSettings {
  /** The property's trading day, moved by the night audit (src-shared/rules/business-day.ts). */
  businessDate: string;
  /** The instant of the day a stay starts, `HH:MM`. */
  checkInTime: string;
  /** The time a stay ends on the departure day, `HH:MM` (the voucher prints it). */
  checkOutTime: string;
  /** Days a supervisor has to hand in the paperwork of an emergency approval. */
  'approvals.paperworkDays': number;
  'members.policy': MembersPolicy;
  'archive.policy': ArchivePolicy;
}

/** The property's check-out time when its `checkOutTime` setting is not set. */
export const DEFAULT_CHECK_OUT_TIME = '12:00';
