/**
 * Satisfaction call-backs as rules: due 24 clock hours after they are made (overnight and across a
 * month's end alike), called by the time the guest asked for once they asked, and what each kind
 * of call makes of a task.
 */
import { describe, expect, it } from 'vitest';
import { afterAttempt, callBy, callbackDueAt, isDueOnTime, isOverdue, NOT_YET_CALLED } from '@shared/rules/callbacks';

describe('when a call-back falls due', () => {
  it.each([
    ['an afternoon check-out', '2026-11-26T06:30:00.000Z', '2026-11-27T06:30:00.000Z'],
    ['across the month’s end', '2026-11-30T23:59:59.000Z', '2026-12-01T23:59:59.000Z'],
    ['across the year’s end', '2026-12-31T16:00:00.000Z', '2027-01-01T16:00:00.000Z'],
  ])('%s: 24 clock hours later', (_title, createdAt, dueAt) => {
    expect(callbackDueAt(createdAt)).toBe(dueAt);
    expect(isDueOnTime(createdAt, dueAt)).toBe(true);
  });

  it.each([
    ['a second early', '2026-11-27T06:29:59.000Z'],
    ['a second late', '2026-11-27T06:30:01.000Z'],
    ['not a time', 'tomorrow'],
  ])('is not on time %s', (_title, dueAt) => {
    expect(isDueOnTime('2026-11-26T06:30:00.000Z', dueAt)).toBe(false);
  });
});

describe('when a task is next to be called', () => {
  const task = { status: 'open' as const, dueAt: '2026-11-27T06:30:00.000Z', callAgainAt: null };
  const asked = { ...task, callAgainAt: '2026-11-28T07:00:00.000Z' };

  it('is its due time, or the time the guest asked for', () => {
    expect(callBy(task)).toBe(task.dueAt);
    expect(callBy(asked)).toBe(asked.callAgainAt);
  });

  it.each([
    ['a minute before it is due', task, '2026-11-27T06:29:00.000Z', false],
    ['a minute after it was due', task, '2026-11-27T06:31:00.000Z', true],
    ['past its due time, before the time asked for', asked, '2026-11-27T06:31:00.000Z', false],
    ['past the time asked for', asked, '2026-11-28T07:01:00.000Z', true],
    ['done, however late', { ...task, status: 'done' as const }, '2026-12-31T00:00:00.000Z', false],
  ])('overdue %s: %s', (_title, subject, now, overdue) => {
    expect(isOverdue(subject, new Date(now))).toBe(overdue);
  });
});

describe('a call', () => {
  const fresh = NOT_YET_CALLED;
  const call = { score: null, words: '', callAgainAt: null, staffId: 'staff-zhou' };

  it('not reaching the guest counts the attempt, remembers the first, and leaves the task open', () => {
    const first = afterAttempt(fresh, { ...call, outcome: 'not_reached', at: '2026-11-26T08:00:00.000Z' });
    expect(first).toEqual({
      ...fresh,
      attempts: 1,
      first_attempt_at: '2026-11-26T08:00:00.000Z',
      last_attempt_at: '2026-11-26T08:00:00.000Z',
      last_outcome: 'not_reached',
    });
    const second = afterAttempt(first, { ...call, outcome: 'not_reached', at: '2026-11-26T10:00:00.000Z' });
    expect(second).toMatchObject({ attempts: 2, first_attempt_at: '2026-11-26T08:00:00.000Z', status: 'open' });
  });

  it('a guest asking to be called again sets the time, which a later miss keeps', () => {
    const asked = afterAttempt(fresh, {
      ...call,
      outcome: 'call_again',
      callAgainAt: '2026-11-27T07:00:00Z',
      words: '下午再打',
      at: '2026-11-26T08:00:00.000Z',
    });
    expect(asked).toMatchObject({ status: 'open', call_again_at: '2026-11-27T07:00:00.000Z', words: '下午再打' });
    const missed = afterAttempt(asked, { ...call, outcome: 'not_reached', at: '2026-11-27T07:05:00.000Z' });
    expect(missed).toMatchObject({ call_again_at: '2026-11-27T07:00:00.000Z', words: '下午再打', attempts: 2 });
  });

  it('reaching the guest closes the task with their score and words, by whoever called', () => {
    expect(
      afterAttempt(fresh, { ...call, outcome: 'reached', score: 4, words: '很满意', at: '2026-11-26T08:00:00.000Z' }),
    ).toMatchObject({ status: 'done', score: 4, words: '很满意', done_by: 'staff-zhou', last_outcome: 'reached' });
  });
});
