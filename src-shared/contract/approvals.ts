/**
 * Supervisor approvals: requests that hold an operation until approved (at the desk with the
 * approver's own password, or later from the queue), dual review, emergency authorisation with
 * paperwork due, and the policy admins edit.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../permissions';
import type { ApprovalRule, ApprovalTier } from '../rules/approval-tiers';
import { mutation, query } from './define';
import { id } from './fields';

export const APPROVAL_STATUSES = ['pending', 'executed', 'rejected', 'failed'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export type DecisionKind = 'approve' | 'reject';

export interface ApprovalDecision {
  id: string;
  kind: DecisionKind;
  /** What the decision satisfied. */
  approved: boolean;
  reviewed: boolean;
  emergency: boolean;
  atDesk: boolean;
  decider: { id: string; name: string; role: Role };
  comment: string;
  at: string;
}

/**
 * What a held operation will do, as data for the approver: each line names a field (translated
 * by the UI) and carries a typed value the UI formats in its language (money, dates, points).
 */
export const APPROVAL_SUMMARY_FIELDS = [
  'guest',
  'booking',
  'stay',
  'roomType',
  'nightly',
  'total',
  'difference',
  'cancellation',
  'penalty',
  'waived',
  'member',
  'points',
  'balanceAfter',
  'complaint',
  'compensation',
  'businessDate',
  'property',
  'keyId',
  'document',
  'file',
  'record',
  'retainUntil',
  'query',
] as const;
export type ApprovalSummaryField = (typeof APPROVAL_SUMMARY_FIELDS)[number];

export type ApprovalSummaryValue =
  /** `en`: the English name where the record has one (a room type), shown when the UI is in English. */
  | { kind: 'text'; text: string; en?: string }
  | { kind: 'money'; fen: number }
  /** A change of an amount; the UI shows before → after. */
  | { kind: 'moneyChange'; beforeFen: number; afterFen: number }
  /** Signed: +500 or -200. */
  | { kind: 'points'; points: number }
  | { kind: 'stay'; arrival: string; departure: string; nights: number }
  | { kind: 'date'; date: string }
  /** A word the UI translates under approvals.summary.words (e.g. the compensation's kind). */
  | { kind: 'word'; word: string }
  /** Everything (a guest export without a query). */
  | { kind: 'everything' };

export interface ApprovalSummaryLine {
  field: ApprovalSummaryField;
  value: ApprovalSummaryValue;
}

export interface ApprovalSummary {
  lines: ApprovalSummaryLine[];
  /** The record the request is about, when the desk can open it. */
  link: { type: 'booking' | 'guest'; id: string } | null;
}

export interface ApprovalRequest {
  id: string;
  operation: string;
  subject: { type: string; id: string | null; label: string };
  amountFen: number | null;
  /** Computed on read from the request's input and the desk's rows; null when its record is gone. */
  summary: ApprovalSummary | null;
  reason: string;
  requester: { id: string; name: string; role: Role };
  deskId: string;
  status: ApprovalStatus;
  /** Still outstanding while pending: the approver role needed, and whether a dual review is. */
  awaiting: { approverRole: Role | null; dualReview: boolean };
  emergency: boolean;
  paperworkDueAt: string | null;
  paperworkDoneAt: string | null;
  errorCode: string | null;
  createdAt: string;
  decidedAt: string | null;
  decisions: ApprovalDecision[];
  /** What the held operation returned (e.g. an approved export), on a single request read; absent in lists. */
  result?: unknown;
}

export interface ApprovalCounts {
  /** Requests this person could decide now. */
  toDecide: number;
  /** Emergency authorisations whose paperwork is past due. */
  overduePaperwork: number;
}

export interface ApprovalPolicy {
  rules: ApprovalRule[];
  tiers: ApprovalTier[];
  paperworkDays: number;
  /** Operations the engine can hold; only these may have rules. */
  approvableOperations: string[];
}

const role = z.enum(ROLES);
const fen = z.number().int().min(0).max(1e13);
const comment = z.string().trim().max(500).default('');

export const APPROVAL_VIEWS = ['toDecide', 'mine', 'paperwork', 'all'] as const;

export const approvalOperations = {
  'approvals.request': mutation<ApprovalRequest>()({
    name: 'approvals.request',
    input: z.object({
      operation: z.string().min(1).max(64),
      input: z.unknown(),
      reason: z.string().trim().min(2).max(500),
    }),
    access: 'signed-in',
  }),
  'approvals.approveAtDesk': mutation<ApprovalRequest>()({
    name: 'approvals.approveAtDesk',
    input: z.object({
      requestId: id,
      username: z.string().trim().toLowerCase().min(1).max(64),
      password: z.string().min(1).max(128),
      emergency: z.boolean().default(false),
      comment,
    }),
    access: 'signed-in',
    redact: ['password'],
  }),
  'approvals.decide': mutation<ApprovalRequest>()({
    name: 'approvals.decide',
    input: z.object({
      requestId: id,
      decision: z.enum(['approve', 'reject']),
      emergency: z.boolean().default(false),
      comment,
    }),
    access: 'signed-in',
  }),
  'approvals.completePaperwork': mutation<ApprovalRequest>()({
    name: 'approvals.completePaperwork',
    input: z.object({ requestId: id, note: z.string().trim().min(2).max(500) }),
    access: 'approvals.decide',
  }),
  /** What a request for this held operation would show the approver, before it is made (the at-desk dialog). */
  'approvals.preview': query<ApprovalSummary>()({
    name: 'approvals.preview',
    input: z.object({ operation: z.string().min(1).max(64), input: z.unknown() }),
    access: 'signed-in',
  }),
  'approvals.list': query<ApprovalRequest[]>()({
    name: 'approvals.list',
    input: z.object({
      view: z.enum(APPROVAL_VIEWS).default('toDecide'),
      /** With the paperwork view: only the paperwork already past due (the home screen's count). */
      overdueOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(100),
    }),
    access: 'signed-in',
  }),
  'approvals.get': query<ApprovalRequest>()({
    name: 'approvals.get',
    input: z.object({ requestId: id }),
    access: 'signed-in',
  }),
  'approvals.counts': query<ApprovalCounts>()({
    name: 'approvals.counts',
    input: z.object({}),
    access: 'signed-in',
  }),
  'approvals.policy': query<ApprovalPolicy>()({
    name: 'approvals.policy',
    input: z.object({}),
    access: 'approvals.policy',
  }),
  'approvals.setPolicy': mutation<ApprovalPolicy>()({
    name: 'approvals.setPolicy',
    input: z.object({
      rules: z
        .array(
          z.object({
            operation: z.string().min(1).max(64),
            needsApproval: z.boolean(),
            minApproverRole: role.nullable(),
            approvalMinFen: fen.nullable(),
            dualReview: z.boolean(),
            dualReviewMinFen: fen.nullable(),
          }),
        )
        .max(100),
      tiers: z
        .array(z.object({ maxAmountFen: fen.nullable(), approverRole: role }))
        .min(1)
        .max(10),
      paperworkDays: z.number().int().min(1).max(60),
    }),
    access: 'approvals.policy',
  }),
};
