/** The audit trail: list with filters, and chain verification. */
import { z } from 'zod';
import { query } from './define';
import { localDate } from './fields';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditDetail {
  input?: unknown;
  before?: unknown;
  after?: unknown;
  error?: string;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  deskId: string;
  actorId: string | null;
  /** The actor's username as the entry stored it (kept when the staff member is later removed). */
  actorName: string | null;
  /** The actor's display name, read from the desk's staff rows; null when the actor is gone or there is none. */
  actorDisplayName: string | null;
  operation: string;
  entityType: string | null;
  entityId: string | null;
  /** What the entity is called (a booking's number, a guest's masked name), read from the desk's rows; null if gone. */
  entityLabel: string | null;
  outcome: AuditOutcome;
  detail: AuditDetail | null;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeSeq` to read the next (older) page; null at the end. */
  nextBeforeSeq: number | null;
}

/**
 * Why the chain breaks at an entry. gap: it is missing; link: it does not link to the entry before
 * it; hash: its contents do not match its hash; key: it is keyed but carries a plain SHA-256 hash
 * (rewritten by someone without the desk's audit key); checkpoint: it is not the entry the server
 * acknowledged as this desk's head (rewritten with the key, or cut off).
 */
export type AuditBreak = 'gap' | 'link' | 'hash' | 'key' | 'checkpoint';

/** server: asked for just now; cached: the one the last push brought back (the server could not be reached). */
export type AuditCheckpointSource = 'server' | 'cached';

/** The server's checkpoint the chain was held against: the last head of this desk's chain it acknowledged. */
export interface AuditCheckpointCheck {
  seq: number;
  /** When the server recorded it. */
  at: string;
  source: AuditCheckpointSource;
  /** Whether this desk's entry at that seq still carries the hash the server acknowledged. */
  matches: boolean;
}

export type AuditVerification = {
  /** Entries that held by their hash and link. */
  checked: number;
  /** The first entry chained under this desk's audit key; those before it (older builds) are a plain SHA-256 prefix. */
  keyedFrom: number;
  /** Null: the desk has no checkpoint yet (not enrolled, or nothing acknowledged). */
  checkpoint: AuditCheckpointCheck | null;
} & ({ ok: true } | { ok: false; firstBrokenSeq: number; reason: AuditBreak });

export const auditOperations = {
  'audit.list': query<AuditPage>()({
    name: 'audit.list',
    input: z.object({
      operation: z.string().trim().max(64).optional(),
      /**
       * Operations whose label in the UI's language matches what was typed (改价 → bookings.overridePrice):
       * an entry matches if its operation is one of these or contains `operation`.
       */
      operations: z.array(z.string().min(1).max(64)).max(400).optional(),
      /** Part of the actor's username or of a present staff member's display name. */
      actor: z.string().trim().max(64).optional(),
      outcome: z.enum(AUDIT_OUTCOMES).optional(),
      /** Local dates of the property, inclusive. */
      from: localDate.optional(),
      to: localDate.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    access: 'audit.view',
  }),
  'audit.verify': query<AuditVerification>()({
    name: 'audit.verify',
    input: z.object({}),
    access: 'audit.view',
  }),
};
