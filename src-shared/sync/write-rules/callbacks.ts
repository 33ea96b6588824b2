/**
 * Satisfaction call-backs: a task is scheduled beside the step that calls for it (a first stay's
 * check-out, a complaint's resolution, each under that operation's own rule, with `newCallback`'s
 * checks), then each call on it is recorded by whoever handles complaints. A recorded call changes
 * only what `afterAttempt` says it does, to an open task the input names.
 */
import { afterAttempt, isDueOnTime, PROGRESS_COLUMNS, type CallbackProgress } from '../../rules/callbacks';
import type { CallbackOutcome } from '../../contract/callbacks';
import type { SyncRow } from '../tables';
import { equals, namedByInput, wasOneOf } from './checks';
import type { RowCheck, TableRule, WriteRule } from './types';

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Due exactly CALLBACK_DUE_HOURS after it was made, and made in one write. */
const dueADayLater: RowCheck = (row) =>
  isDueOnTime(String(row.created_at), String(row.due_at)) ? null : 'due_at is not 24 hours after created_at';

const madeAtOnce: RowCheck = (row) => (row.created_at === row.updated_at ? null : 'updated_at differs from created_at');

/** What every newly scheduled call-back is: open, not yet called, due a day after it was made. */
export const newCallback: readonly RowCheck[] = [
  equals('status', 'open'),
  equals('attempts', 0),
  equals('first_attempt_at', null),
  equals('last_attempt_at', null),
  equals('last_outcome', null),
  equals('call_again_at', null),
  equals('score', null),
  equals('words', ''),
  equals('done_by', null),
  dueADayLater,
  madeAtOnce,
];

/** A first stay's call-back names the guest and booking of the booking this same check-out wrote. */
const ofCheckedOutBooking: RowCheck = (row, context) => {
  const booking = context.written('booking').find((written) => text(written.id) === text(row.booking_id));
  if (!booking) return 'booking_id is not a booking of this change';
  return text(booking.guest_id) === text(row.guest_id) ? null : "guest_id is not the booking's guest";
};

/** The call-back a check-out schedules after a guest's first stay (frontDesk.checkOut's rule). */
export const firstStayCallback: TableRule = {
  insert: [
    ...newCallback,
    equals('kind', 'first_stay'),
    equals('complaint_id', null),
    namedByInput('booking_id', 'bookingId'),
    ofCheckedOutBooking,
  ],
};

const progressOf = (row: SyncRow): CallbackProgress => ({
  status: row.status === 'done' ? 'done' : 'open',
  attempts: Number(row.attempts),
  first_attempt_at: text(row.first_attempt_at),
  last_attempt_at: text(row.last_attempt_at),
  last_outcome: text(row.last_outcome) as CallbackOutcome | null,
  call_again_at: text(row.call_again_at),
  score: row.score === null || row.score === undefined ? null : Number(row.score),
  words: String(row.words ?? ''),
  done_by: text(row.done_by),
});

/** The row after is the row before with the one call the input describes, made by the actor when the row says. */
const theCallTheInputRecords: RowCheck = (row, context, before) => {
  if (before === null) return 'no call-back before';
  if (context.actor === null) return 'no actor';
  const input = (context.input ?? {}) as Record<string, unknown>;
  const at = text(row.last_attempt_at);
  if (at === null || at !== text(row.updated_at)) return 'last_attempt_at is not the time of this change';
  const expected = afterAttempt(progressOf(before), {
    outcome: input.outcome as CallbackOutcome,
    score: typeof input.score === 'number' ? input.score : null,
    words: typeof input.words === 'string' ? input.words : '',
    callAgainAt: typeof input.callAgainAt === 'string' ? input.callAgainAt : null,
    at,
    staffId: context.actor.id,
  });
  const written = progressOf(row);
  const differ = PROGRESS_COLUMNS.filter((column) => written[column] !== expected[column]);
  return differ.length === 0 ? null : `${differ.join(', ')} not as the input's call makes it`;
};

export const callbacksRules: Record<string, WriteRule> = {
  'callbacks.record': {
    callback: {
      update: {
        columns: PROGRESS_COLUMNS,
        checks: [namedByInput('id', 'id'), wasOneOf('status', ['open']), theCallTheInputRecords],
      },
    },
  },
};
