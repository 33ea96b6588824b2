/** Locks the desk after the property's idle time without keyboard, mouse or touch activity. */
import { useEffect } from 'react';
import { useIdle } from '@mantine/hooks';
import { useLockDesk } from '../auth/session-actions';

export function useIdleLock(idleLockMinutes: number): void {
  const idle = useIdle(idleLockMinutes * 60_000, { initialState: false });
  const lock = useLockDesk();
  useEffect(() => {
    if (idle) lock();
  }, [idle, lock]);
}
