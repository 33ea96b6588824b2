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
  actorName: string | null;
  operation: string;
  entityType: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  detail: AuditDetail | null;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeSeq` to read the next (older) page; null at the end. */
  nextBeforeSeq: number | null;
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBrokenSeq: number; reason: 'hash' | 'link' | 'gap' };

export const auditOperations = {
  'audit.list': query<AuditPage>()({
    name: 'audit.list',
    input: z.object({
      operation: z.string().trim().max(64).optional(),
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
