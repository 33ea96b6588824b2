/** Whether a desk has been idle long enough to lock itself. */
export function isIdleExpired(lastActivityAt: Date, idleLockMinutes: number, now: Date): boolean {
  return now.getTime() - lastActivityAt.getTime() >= idleLockMinutes * 60_000;
}
