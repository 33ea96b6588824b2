/**
 * Complaint tickets (客诉工单) under 首问负责制: whoever opens a complaint owns it until a hand-over
 * is accepted by the staff member it was offered to; every step is on the ticket's timeline.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { id, localDate as date } from './fields';

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
  'escalated',
  'director_notified',
  'paused',
  'resumed',
  'plan_step_done',
  'compensated',
  'resolved',
  'signed_off',
  'closed',
  'reopened',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

/**
 * open: not yet closed; mine: owned, co-owned or offered to the caller, not yet closed;
 * unassigned: major and group complaints still without their supervisor (director) co-owner;
 * due_soon: 80% of a running target gone; overdue: a target passed; all: every ticket.
 */
export const COMPLAINT_VIEWS = ['open', 'mine', 'unassigned', 'due_soon', 'overdue', 'all'] as const;
export type ComplaintView = (typeof COMPLAINT_VIEWS)[number];

export const TARGET_UNITS = ['working_days', 'hours'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** A group complaint's response plan (群体投诉应急预案), in order; the screen words each step. */
export const GROUP_PLAN_STEPS = [
  'count_affected',
  'notify_director',
  'one_spokesperson',
  'record_each_guest',
  'compensation_plan',
  'call_back_each',
] as const;
export type GroupPlanStep = (typeof GROUP_PLAN_STEPS)[number];

export const COMPENSATION_KINDS = ['refund', 'points', 'free_night', 'upgrade', 'voucher'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

/** Where a running target stands: within it, past 80% of it, past it, or paused while waiting on the guest. */
export const CLOCK_STATES = ['ok', 'due_soon', 'overdue', 'paused', 'met'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export interface ComplaintClock {
  /** When the target falls due; null while paused (the clock is stopped). */
  dueAt: string | null;
  state: ClockState;
}

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
  /** The supervisor (director, for a group complaint) who co-owns a major complaint. */
  coOwner: StaffRef | null;
  guestName: string | null;
  waitingSince: string | null;
  response: ComplaintClock;
  resolution: ComplaintClock;
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
  signedOffBy: StaffRef | null;
  signedOffAt: string | null;
  timeline: ComplaintEvent[];
  plan: ComplaintPlanItem[];
  compensations: Compensation[];
}

export interface ComplaintPlanItem {
  id: string;
  step: GroupPlanStep;
  doneAt: string | null;
  doneBy: StaffRef | null;
}

export interface Compensation {
  id: string;
  kind: CompensationKind;
  amountFen: number;
  points: number;
  note: string;
  givenAt: string;
  givenBy: StaffRef;
}

export interface ComplaintTarget {
  severity: ComplaintSeverity;
  respond: { amount: number; unit: TargetUnit };
  resolve: { amount: number; unit: TargetUnit };
}

export interface WorkingDayCorrection {
  date: string;
  working: boolean;
  note: string;
}

/** What the navigation badge and the home tile count for the signed-in person. */
export interface ComplaintCounts {
  /** Owned, co-owned or offered to me, not closed. */
  mine: number;
  /** Of mine, or of all for a supervisor: past 80% of a target. */
  dueSoon: number;
  overdue: number;
  /** Major (for supervisors) or group (for directors) complaints still without a co-owner. */
  awaitingSupervisor: number;
  /** Of mine (all for a supervisor): a target falling due before the end of today. */
  dueToday: number;
  /** Open satisfaction call-backs whose time to call comes before the end of today (overdue ones too). */
  callbacksDueToday: number;
}

/** The service team's measures over complaints opened in a period (the reports reuse them). */
export interface ComplaintMeasures {
  opened: number;
  resolved: number;
  /** Resolved at first contact: by the one who opened it, that same day, without hand-over, escalation or reopening. */
  firstContactResolutionRate: number | null;
  medianResponseWorkingHours: number | null;
  medianResolutionWorkingHours: number | null;
  /** Of tickets whose targets have come due or been met: both met. */
  withinTargetRate: number | null;
  /** Average 1–5 score of call-backs that reached the guest. */
  satisfactionScore: number | null;
  /** Of call-backs due in the period: first attempt made by the due time. */
  callbacksWithin24hRate: number | null;
}

const note = z.string().trim().max(1000);
const step = z.object({ id, note: note.default('') });

const targetInput = z.object({
  amount: z.number().int().min(1).max(999),
  unit: z.enum(TARGET_UNITS),
});

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
  /** A view (see COMPLAINT_VIEWS), or a guest's or booking's complaint history (every ticket of theirs). */
  'complaints.list': query<ComplaintSummary[]>()({
    name: 'complaints.list',
    input: z.object({
      view: z.enum(COMPLAINT_VIEWS).default('open'),
      severity: z.enum(COMPLAINT_SEVERITIES).nullable().default(null),
      guestId: id.nullable().default(null),
      bookingId: id.nullable().default(null),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    access: 'complaints.handle',
  }),
  'complaints.counts': query<ComplaintCounts>()({
    name: 'complaints.counts',
    input: z.object({}),
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
  /** A general complaint, by its owner; a major or group one closes by its co-owner's sign-off. */
  'complaints.close': mutation<Complaint>()({
    name: 'complaints.close',
    input: step,
    access: 'complaints.handle',
  }),
  /**
   * A supervisor (a director, for a group complaint) becomes co-owner: named by the owner, or
   * taking it up themselves (`supervisorId` their own).
   */
  'complaints.escalate': mutation<Complaint>()({
    name: 'complaints.escalate',
    input: z.object({ id, supervisorId: id, note: note.default('') }),
    access: 'complaints.handle',
  }),
  /** Who may co-own a complaint of this severity: supervisors, or directors for a group complaint. */
  'complaints.supervisors': query<StaffRef[]>()({
    name: 'complaints.supervisors',
    input: z.object({ severity: z.enum(COMPLAINT_SEVERITIES) }),
    access: 'complaints.handle',
  }),
  /** The co-owner accepts the resolution: the major or group complaint closes. */
  'complaints.signOff': mutation<Complaint>()({
    name: 'complaints.signOff',
    input: step,
    access: 'complaints.supervise',
  }),
  /** A resolved or closed complaint back in hand: by its owner or co-owner. */
  'complaints.reopen': mutation<Complaint>()({
    name: 'complaints.reopen',
    input: z.object({ id, note: note.min(1) }),
    access: 'complaints.handle',
  }),
  /** Waiting on the guest: the deadline clock stops until resumed. */
  'complaints.pause': mutation<Complaint>()({
    name: 'complaints.pause',
    input: z.object({ id, note: note.min(1) }),
    access: 'complaints.handle',
  }),
  'complaints.resume': mutation<Complaint>()({
    name: 'complaints.resume',
    input: step,
    access: 'complaints.handle',
  }),
  /** Tick a step of a group complaint's response plan: its owner or co-owner. */
  'complaints.tickPlan': mutation<Complaint>()({
    name: 'complaints.tickPlan',
    input: z.object({ id, itemId: id }),
    access: 'complaints.handle',
  }),
  /**
   * Compensation, held for approval by amount tiers (points count at the members policy's value);
   * points go to the guest's member account, a refund onto the booking.
   */
  'complaints.compensate': mutation<Complaint>()({
    name: 'complaints.compensate',
    input: z.object({
      id,
      kind: z.enum(COMPENSATION_KINDS),
      amountFen: z.number().int().min(0).max(100_000_000).default(0),
      points: z.number().int().min(0).max(10_000_000).default(0),
      note: note.min(1),
    }),
    access: 'complaints.handle',
  }),
  'complaints.targets': query<ComplaintTarget[]>()({
    name: 'complaints.targets',
    input: z.object({}),
    access: 'complaints.handle',
  }),
  'complaints.setTarget': mutation<ComplaintTarget[]>()({
    name: 'complaints.setTarget',
    input: z.object({ severity: z.enum(COMPLAINT_SEVERITIES), respond: targetInput, resolve: targetInput }),
    access: 'settings.manage',
  }),
  /** The admins' corrections of the working calendar, from a date on. */
  'complaints.calendar': query<WorkingDayCorrection[]>()({
    name: 'complaints.calendar',
    input: z.object({ from: date.nullable().default(null) }),
    access: 'complaints.handle',
  }),
  /** Mark a date a working day or a day off against the package; `working: null` removes the correction. */
  'complaints.correctCalendar': mutation<WorkingDayCorrection[]>()({
    name: 'complaints.correctCalendar',
    input: z.object({ date, working: z.boolean().nullable(), note: note.default('') }),
    access: 'settings.manage',
  }),
  'complaints.measures': query<ComplaintMeasures>()({
    name: 'complaints.measures',
    input: z.object({ from: date, to: date }),
    access: 'complaints.supervise',
  }),
};
