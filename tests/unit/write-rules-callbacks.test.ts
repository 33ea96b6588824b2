/**
 * The call-backs' write rules: a first stay's check-out may schedule one new call-back for its own
 * guest and booking, and a recorded call may change only what the input's call makes of an open task.
 */
import { checkWrites, writeRuleOf, type RowWrite, type Writer } from '@shared/sync/write-rules';
import { describe, expect, it } from 'vitest';
import { NOT_YET_CALLED } from '@shared/rules/callbacks';

const REP = { id: 'staff-zhou', username: 'zhou', displayName: 'Zhou', role: 'service_rep' };
const writer = (input: unknown): Writer => ({ actor: REP, deviceId: 'desk-1', input });
const insert = (table: string, after: Record<string, unknown>): RowWrite => ({
  table,
  key: String(after.id),
  before: null,
  after,
  columns: null,
});
const update = (table: string, before: Record<string, unknown>, after: Record<string, unknown>): RowWrite => ({
  table,
  key: String(before.id),
  before,
  after,
  columns: null,
});

const CHECKED_OUT_AT = '2026-11-26T06:30:00.000Z';
const booking = { id: 'b', guest_id: 'g', status: 'checked_out', checked_out_at: CHECKED_OUT_AT };
const bookingBefore = { ...booking, status: 'checked_in', checked_out_at: null };
const scheduled = {
  id: 'cb',
  kind: 'first_stay',
  guest_id: 'g',
  booking_id: 'b',
  complaint_id: null,
  created_at: CHECKED_OUT_AT,
  due_at: '2026-11-27T06:30:00.000Z',
  ...NOT_YET_CALLED,
  updated_at: CHECKED_OUT_AT,
  server_version: null,
};

describe('a check-out’s call-back', () => {
  const checkOut = (callback: Record<string, unknown>, input: unknown = { bookingId: 'b' }) =>
    checkWrites(
      writeRuleOf('frontDesk.checkOut'),
      [update('booking', bookingBefore, booking), insert('callback', callback)],
      writer(input),
    );

  it('is a new first-stay call-back for the checked-out booking and its guest, due a day later', () => {
    expect(checkOut(scheduled)).toBeNull();
  });

  it.each([
    ['for another guest', { guest_id: 'other' }, "guest_id is not the booking's guest"],
    ['for another booking', { booking_id: 'other' }, 'booking_id is not the one the input names'],
    ['of the complaint kind', { kind: 'complaint' }, 'kind must be first_stay'],
    ['due later than a day', { due_at: '2026-11-28T06:30:00.000Z' }, 'due_at is not 24 hours after created_at'],
    ['already done', { status: 'done' }, 'status must be open'],
    ['already called', { attempts: 1 }, 'attempts must be 0'],
    ['with a score', { score: 5 }, 'score must be null'],
    ['with words', { words: '很好' }, 'words must be '],
    ['changed since it was made', { updated_at: '2026-11-26T07:00:00.000Z' }, 'updated_at differs from created_at'],
  ])('is refused %s', (_title, change, problem) => {
    expect(checkOut({ ...scheduled, ...change })).toMatchObject({ table: 'callback', problem });
  });

  it('is refused for a booking the check-out did not write', () => {
    expect(
      checkWrites(writeRuleOf('frontDesk.checkOut'), [insert('callback', scheduled)], writer({ bookingId: 'b' })),
    ).toMatchObject({ problem: 'booking_id is not a booking of this change' });
  });
});

describe('a recorded call', () => {
  const AT = '2026-11-26T09:00:00.000Z';
  const record = (
    after: Record<string, unknown>,
    input: Record<string, unknown>,
    before: Record<string, unknown> = scheduled,
  ) =>
    checkWrites(writeRuleOf('callbacks.record'), [update('callback', before, { ...before, ...after })], writer(input));
  const attempt = { attempts: 1, first_attempt_at: AT, last_attempt_at: AT, updated_at: AT };
  const reached = {
    ...attempt,
    status: 'done',
    last_outcome: 'reached',
    score: 4,
    words: '很安静',
    done_by: REP.id,
  };
  const reachedInput = { id: 'cb', outcome: 'reached', score: 4, words: '很安静', callAgainAt: null };

  it('changes what the input’s call makes of the open task the input names', () => {
    expect(record(reached, reachedInput)).toBeNull();
    expect(
      record({ ...attempt, last_outcome: 'not_reached' }, { id: 'cb', outcome: 'not_reached', score: null, words: '' }),
    ).toBeNull();
    expect(
      record(
        { ...attempt, last_outcome: 'call_again', call_again_at: '2026-11-27T02:00:00.000Z' },
        { id: 'cb', outcome: 'call_again', score: null, words: '', callAgainAt: '2026-11-27T02:00:00.000Z' },
      ),
    ).toBeNull();
  });

  it.each([
    ['another task', reached, { ...reachedInput, id: 'other' }, 'id is not the one the input names'],
    [
      'a score other than the input’s',
      { ...reached, score: 5 },
      reachedInput,
      "score not as the input's call makes it",
    ],
    [
      'done by someone else',
      { ...reached, done_by: 'staff-other' },
      reachedInput,
      "done_by not as the input's call makes it",
    ],
    [
      'done without reaching the guest',
      reached,
      { ...reachedInput, outcome: 'not_reached', score: null },
      "status, last_outcome, score, done_by not as the input's call makes it",
    ],
    [
      'without counting the call',
      { ...reached, attempts: 0 },
      reachedInput,
      "attempts not as the input's call makes it",
    ],
    [
      'at another time than the change',
      { ...reached, last_attempt_at: '2026-11-26T08:00:00.000Z' },
      reachedInput,
      'last_attempt_at is not the time of this change',
    ],
  ])('is refused for %s', (_title, after, input, problem) => {
    expect(record(after, input)).toMatchObject({ table: 'callback', problem });
  });

  it('is refused on a task already done, and may not move its due time', () => {
    const done = { ...scheduled, ...reached };
    expect(
      record({ ...attempt, attempts: 2, last_outcome: 'not_reached' }, { id: 'cb', outcome: 'not_reached' }, done),
    ).toMatchObject({ problem: 'status was done' });
    expect(record({ ...reached, due_at: '2026-11-30T00:00:00.000Z' }, reachedInput)).toMatchObject({
      problem: 'column due_at not allowed',
    });
  });
});
