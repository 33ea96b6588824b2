import { describe, expect, it } from 'vitest';
import { afterWrongPassword, isAccountLocked, LOCKOUT_POLICY } from '@shared/rules/lockout';
import { isIdleExpired } from '@shared/rules/idle-lock';

const now = new Date('2026-11-26T08:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('lockout after wrong passwords', () => {
  it.each([
    { failedAttempts: 0, expected: { failedAttempts: 1, lockedUntil: null } },
    { failedAttempts: 3, expected: { failedAttempts: 4, lockedUntil: null } },
    { failedAttempts: 4, expected: { failedAttempts: 5, lockedUntil: '2026-11-26T08:15:00.000Z' } },
  ])('after $failedAttempts failures, one more gives $expected', ({ failedAttempts, expected }) => {
    expect(afterWrongPassword({ failedAttempts, lockedUntil: null }, now)).toEqual(expected);
  });

  it('counts afresh once an earlier lock has run out', () => {
    expect(afterWrongPassword({ failedAttempts: 5, lockedUntil: at(-1).toISOString() }, now)).toEqual({
      failedAttempts: 1,
      lockedUntil: null,
    });
  });

  it('is locked until the last millisecond of the lock, and not after', () => {
    const state = { failedAttempts: LOCKOUT_POLICY.maxFailures, lockedUntil: at(15).toISOString() };
    expect(isAccountLocked(state, at(15 - 1 / 60_000))).toBe(true);
    expect(isAccountLocked(state, at(15))).toBe(false);
    expect(isAccountLocked({ failedAttempts: 2, lockedUntil: null }, now)).toBe(false);
  });
});

describe('idle lock', () => {
  it.each([
    { idle: 9.99, minutes: 10, expired: false },
    { idle: 10, minutes: 10, expired: true },
    { idle: 0, minutes: 1, expired: false },
  ])('idle $idle min with a $minutes min limit → $expired', ({ idle, minutes, expired }) => {
    expect(isIdleExpired(now, minutes, at(idle))).toBe(expired);
  });
});
