/** Sync with the central server: this desk's connection, its queue, and the conflicts supervisors resolve. */
import { z } from 'zod';
import {
  CONFLICT_RESOLUTIONS,
  type ConflictKind,
  type ConflictResolution,
  type ConflictSubject,
} from '../sync/conflicts';
import { mutation, query } from './define';
import { id } from './fields';

export interface SyncRejection {
  seq: number;
  name: string;
  reason: string;
  detail: string | null;
  at: string;
}

export interface SyncStatus {
  enrolled: boolean;
  serverUrl: string | null;
  deskCode: string;
  /** null until the first attempt since start. */
  online: boolean | null;
  syncing: boolean;
  lastSyncAt: string | null;
  /** When a pull last brought changes (other desks' work): screens refresh what they show. */
  receivedAt: string | null;
  /** An error code from SYNC_ERRORS or NETWORK / SERVER_ERROR; null when the last attempt went through. */
  lastError: string | null;
  nextAttemptAt: string | null;
  pendingCount: number;
  openConflicts: number;
  /** Set while a long catch-up runs: mutations pushed and changes pulled against what there is. */
  progress: { done: number; total: number } | null;
  /** The server needs a newer version of the app; the updater takes over. */
  upgradeRequired: boolean;
  /** The link is plain HTTP over a network, allowed by the "insecure (lab only)" option at enrolment. */
  insecure: boolean;
  rejections: SyncRejection[];
}

export interface ConflictView {
  id: string;
  kind: ConflictKind;
  subjectType: ConflictSubject;
  subjectId: string;
  /** Booking, ticket order or member number, with the guest's name. */
  subjectLabel: string;
  guestName: string | null;
  /** For rooms: the room type and nights sold over; for tickets: the slot; for points: the balance. */
  detail: Record<string, string | number>;
  deskCode: string | null;
  status: 'open' | 'resolved';
  resolution: ConflictResolution | null;
  resolutionNote: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
  createdAt: string;
  /** What a supervisor may choose for this kind. */
  options: ConflictResolution[];
}

export const syncOperations = {
  'sync.status': query<SyncStatus>()({ name: 'sync.status', input: z.object({}), access: 'signed-in' }),
  'sync.now': mutation<SyncStatus>()({ name: 'sync.now', input: z.object({}), access: 'signed-in', sync: false }),
  'sync.enrol': mutation<{ mode: 'founding' | 'joining' | 'returning' }>()({
    name: 'sync.enrol',
    input: z.object({
      serverUrl: z.url({ protocol: /^https?$/ }).max(300),
      code: z.string().trim().min(4).max(64),
      /** The signed-in administrator's own password, typed again; required once the desk is set up. */
      password: z.string().max(128).optional(),
      /** Plain HTTP to a host other than this machine: a lab only, and the header says so for as long as it lasts. */
      allowInsecure: z.boolean().default(false),
    }),
    access: 'sync.manage',
    /** The first-run screen joins a property without a session: nothing on a fresh desk to leak. */
    publicBeforeSetUp: true,
    redact: ['code', 'password'],
    sync: false,
  }),
  'conflicts.list': query<ConflictView[]>()({
    name: 'conflicts.list',
    input: z.object({ status: z.enum(['open', 'resolved']).default('open') }),
    access: 'signed-in',
  }),
  'conflicts.resolve': mutation<ConflictView>()({
    name: 'conflicts.resolve',
    input: z.object({
      id,
      resolution: z.enum(CONFLICT_RESOLUTIONS),
      roomTypeId: id.optional(),
      note: z.string().trim().min(2).max(500),
      guestInformed: z.boolean().default(false),
    }),
    access: 'conflicts.resolve',
  }),
};
