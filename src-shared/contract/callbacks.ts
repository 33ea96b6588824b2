/**
 * Satisfaction call-backs (满意度回访): checking out a guest's first stay, or resolving a
 * complaint, makes a task due within 24 clock hours. Each attempt is recorded: the guest reached
 * (with a 1–5 score and their words; the task is done), not reached, or asking to be called again
 * at a time (both keep the task open).
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { id, instant } from './fields';
import type { StaffRef } from './complaints';

export const CALLBACK_KINDS = ['first_stay', 'complaint'] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];

export const CALLBACK_STATUSES = ['open', 'done'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const CALLBACK_OUTCOMES = ['reached', 'not_reached', 'call_again'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** How long after checkout or resolution a call-back falls due. */
export const CALLBACK_DUE_HOURS = 24;

export interface Callback {
  id: string;
  kind: CallbackKind;
  guestId: string | null;
  guestName: string | null;
  /** The last four digits of the guest's phone, to dial from the profile; never the number in a list. */
  phoneLast4: string | null;
  bookingId: string | null;
  bookingNumber: string | null;
  complaintId: string | null;
  complaintNumber: string | null;
  createdAt: string;
  dueAt: string;
  status: CallbackStatus;
  attempts: number;
  lastAttemptAt: string | null;
  lastOutcome: CallbackOutcome | null;
  callAgainAt: string | null;
  score: number | null;
  words: string;
  doneBy: StaffRef | null;
}

/** open: every open task; today: those whose time to call comes before the end of the property's day; done. */
export const CALLBACK_VIEWS = ['open', 'today', 'done'] as const;
export type CallbackView = (typeof CALLBACK_VIEWS)[number];

export const callbackOperations = {
  /** open and today: by due time (a "call again" by its new time); done: newest first. */
  'callbacks.list': query<Callback[]>()({
    name: 'callbacks.list',
    input: z.object({ view: z.enum(CALLBACK_VIEWS).default('open') }),
    access: 'complaints.handle',
  }),
  'callbacks.record': mutation<Callback>()({
    name: 'callbacks.record',
    input: z
      .object({
        id,
        outcome: z.enum(CALLBACK_OUTCOMES),
        score: z.number().int().min(1).max(5).nullable().default(null),
        words: z.string().trim().max(2000).default(''),
        callAgainAt: instant.nullable().default(null),
      })
      .refine((input) => (input.outcome === 'reached') === (input.score !== null), {
        path: ['score'],
        error: 'a score is given when, and only when, the guest was reached',
      })
      .refine((input) => (input.outcome === 'call_again') === (input.callAgainAt !== null), {
        path: ['callAgainAt'],
        error: 'a time to call again is given when, and only when, the guest asked for one',
      }),
    access: 'complaints.handle',
  }),
};
