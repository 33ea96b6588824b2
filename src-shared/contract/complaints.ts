/**
 * Complaint tickets (客诉工单) under 首问负责制: whoever opens a complaint owns it until a hand-over
 * is accepted by the staff member it was offered to; every step is on the ticket's timeline.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { id } from './fields';

export const COMPLAINT_CHANNELS = ['in_person', 'phone', 'online_review', 'ota_message', 'letter'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** 一般 / 重大 / 群体. */
export const COMPLAINT_SEVERITIES = ['general', 'major', 'group'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const COMPLAINT_STATUSES = ['open', 'responded', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_EVENT_KINDS = [
  'opened',
  'responded',
  'handover_offered',
  'handover_accepted',
  'handover_declined',
  'resolved',
  'closed',
  'reopened',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

export const COMPLAINT_VIEWS = ['open', 'mine', 'all'] as const;

export interface ComplaintCategory {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface StaffRef {
  id: string;
  name: string;
}

export interface ComplaintSummary {
  id: string;
  number: string;
  openedAt: string;
  channel: ComplaintChannel;
  category: string;
  severity: ComplaintSeverity;
  status: ComplaintStatus;
  owner: StaffRef;
  /** A hand-over offered and not yet accepted: the owner stays accountable until it is. */
  pendingOwner: StaffRef | null;
  guestName: string | null;
}

export interface ComplaintEvent {
  id: string;
  at: string;
  kind: ComplaintEventKind;
  staff: StaffRef;
  /** The staff member a hand-over names. */
  target: StaffRef | null;
  note: string;
}

export interface Complaint extends ComplaintSummary {
  openedBy: StaffRef;
  guestId: string | null;
  bookingId: string | null;
  ticketOrderId: string | null;
  description: string;
  expectation: string;
  respondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  timeline: ComplaintEvent[];
}

const note = z.string().trim().max(1000);
const step = z.object({ id, note: note.default('') });

export const complaintOperations = {
  'complaints.categories': query<ComplaintCategory[]>()({
    name: 'complaints.categories',
    input: z.object({}),
    access: 'complaints.handle',
  }),
  /** Who a complaint may be handed to: active staff who handle complaints. */
  'complaints.receivers': query<StaffRef[]>()({
    name: 'complaints.receivers',
    input: z.object({}),
    access: 'complaints.handle',
  }),
  /** The one who opens a complaint owns it. */
  'complaints.open': mutation<Complaint>()({
    name: 'complaints.open',
    input: z.object({
      channel: z.enum(COMPLAINT_CHANNELS),
      category: z.string().trim().min(1).max(32),
      severity: z.enum(COMPLAINT_SEVERITIES),
      guestId: id.nullable().default(null),
      bookingId: id.nullable().default(null),
      ticketOrderId: id.nullable().default(null),
      description: z.string().trim().min(2).max(2000),
      expectation: note.default(''),
    }),
    access: 'complaints.handle',
  }),
  /** open: not yet closed; mine: owned by or offered to the caller, not yet closed; all: every ticket. */
  'complaints.list': query<ComplaintSummary[]>()({
    name: 'complaints.list',
    input: z.object({
      view: z.enum(COMPLAINT_VIEWS).default('open'),
      severity: z.enum(COMPLAINT_SEVERITIES).nullable().default(null),
    }),
    access: 'complaints.handle',
  }),
  'complaints.get': query<Complaint>()({
    name: 'complaints.get',
    input: z.object({ id }),
    access: 'complaints.handle',
  }),
  'complaints.respond': mutation<Complaint>()({
    name: 'complaints.respond',
    input: z.object({ id, note: note.min(1) }),
    access: 'complaints.handle',
  }),
  'complaints.offerHandover': mutation<Complaint>()({
    name: 'complaints.offerHandover',
    input: z.object({ id, toStaffId: id, note: note.default('') }),
    access: 'complaints.handle',
  }),
  /** Only the staff member the hand-over names; until then the owner stays the owner. */
  'complaints.acceptHandover': mutation<Complaint>()({
    name: 'complaints.acceptHandover',
    input: step,
    access: 'complaints.handle',
  }),
  'complaints.declineHandover': mutation<Complaint>()({
    name: 'complaints.declineHandover',
    input: step,
    access: 'complaints.handle',
  }),
  'complaints.resolve': mutation<Complaint>()({
    name: 'complaints.resolve',
    input: z.object({ id, note: note.min(1) }),
    access: 'complaints.handle',
  }),
  /** A major or group complaint is refused until supervisor sign-off exists (not built yet). */
  'complaints.close': mutation<Complaint>()({
    name: 'complaints.close',
    input: step,
    access: 'complaints.handle',
  }),
};
