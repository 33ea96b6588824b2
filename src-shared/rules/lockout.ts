/** When repeated wrong passwords lock a staff account, and for how long. */
export const LOCKOUT_POLICY = { maxFailures: 5, lockMinutes: 15 } as const;

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export function isAccountLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** The state after one more wrong password. The fifth failure in a row locks the account. */
export function afterWrongPassword(state: LockoutState, now: Date): LockoutState {
  const failedAttempts =
    (isAccountLocked(state, now) ? state.failedAttempts : state.lockedUntil ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= LOCKOUT_POLICY.maxFailures) {
    return { failedAttempts, lockedUntil: new Date(now.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000).toISOString() };
  }
  return { failedAttempts, lockedUntil: null };
}

export const CLEARED_LOCKOUT: LockoutState = { failedAttempts: 0, lockedUntil: null };
