/**
 * Satisfaction call-backs as pure rules: when a task falls due, when it is next to be called, and
 * what one attempt makes of it. The desk's handler writes what `afterAttempt` says, and the write
 * rule of `callbacks.record` holds the row it receives to the same function, so the two cannot
 * drift apart.
 */
import { CALLBACK_DUE_HOURS, type CallbackOutcome, type CallbackStatus } from '../contract/callbacks';

const HOUR_MS = 3_600_000;

/** When a call-back made at `createdAt` falls due: 24 clock hours later, nights and holidays included. */
export function callbackDueAt(createdAt: string): string {
  return new Date(Date.parse(createdAt) + CALLBACK_DUE_HOURS * HOUR_MS).toISOString();
}

/** Whether `dueAt` is exactly the due time of a call-back made at `createdAt`. */
export function isDueOnTime(createdAt: string, dueAt: string): boolean {
  const made = Date.parse(createdAt);
  const due = Date.parse(dueAt);
  return Number.isFinite(made) && Number.isFinite(due) && due - made === CALLBACK_DUE_HOURS * HOUR_MS;
}

/**
 * When the task is next to be called: the time the guest asked to be called again, once they
 * have asked (a later attempt that does not reach them keeps it), otherwise its due time.
 */
export function callBy(task: { dueAt: string; callAgainAt: string | null }): string {
  return task.callAgainAt ?? task.dueAt;
}

/** An open task whose time to call has passed. */
export function isOverdue(
  task: { status: CallbackStatus; dueAt: string; callAgainAt: string | null },
  now: Date,
): boolean {
  return task.status === 'open' && Date.parse(callBy(task)) < now.getTime();
}

/** The columns an attempt changes, as the callback row holds them. */
export interface CallbackProgress {
  status: CallbackStatus;
  attempts: number;
  first_attempt_at: string | null;
  last_attempt_at: string | null;
  last_outcome: CallbackOutcome | null;
  call_again_at: string | null;
  score: number | null;
  words: string;
  done_by: string | null;
}

/** A task as it is scheduled: open, never called. */
export const NOT_YET_CALLED: Readonly<CallbackProgress> = {
  status: 'open',
  attempts: 0,
  first_attempt_at: null,
  last_attempt_at: null,
  last_outcome: null,
  call_again_at: null,
  score: null,
  words: '',
  done_by: null,
};

/** One call: its outcome as `callbacks.record` takes it, when it was made and by whom. */
export interface Attempt {
  outcome: CallbackOutcome;
  /** 1–5, when and only when the guest was reached. */
  score: number | null;
  words: string;
  /** When the guest asked to be called again (outcome call_again only). */
  callAgainAt: string | null;
  at: string;
  staffId: string;
}

/**
 * The task after one attempt. Every attempt counts and the first one is remembered; reaching the
 * guest closes the task with their score, by whoever called; not reaching them, or being asked to
 * call later, keeps it open. The guest's words are kept from an earlier call unless this one adds some.
 */
export function afterAttempt(before: CallbackProgress, attempt: Attempt): CallbackProgress {
  const reached = attempt.outcome === 'reached';
  return {
    status: reached ? 'done' : 'open',
    attempts: before.attempts + 1,
    first_attempt_at: before.first_attempt_at ?? attempt.at,
    last_attempt_at: attempt.at,
    last_outcome: attempt.outcome,
    call_again_at:
      attempt.outcome === 'call_again' && attempt.callAgainAt !== null
        ? new Date(attempt.callAgainAt).toISOString()
        : before.call_again_at,
    score: reached ? attempt.score : null,
    words: attempt.words !== '' ? attempt.words : before.words,
    done_by: reached ? attempt.staffId : null,
  };
}

export const PROGRESS_COLUMNS = [
  'status',
  'attempts',
  'first_attempt_at',
  'last_attempt_at',
  'last_outcome',
  'call_again_at',
  'score',
  'words',
  'done_by',
] as const satisfies readonly (keyof CallbackProgress)[];
