/**
 * Locks the desk after the property's idle time without keyboard, mouse or touch activity, and
 * while the person is active tells the host so (at most once a minute): the host enforces the
 * idle lock on every call and would otherwise lock someone who only reads or scrolls.
 */
import { useEffect } from 'react';
import { useIdle } from '@mantine/hooks';
import { call } from '../../api/client';
import { useLockDesk } from '../auth/session-actions';

const KEEP_ALIVE_EVERY_MS = 60_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(idleLockMinutes: number): void {
  const idle = useIdle(idleLockMinutes * 60_000, { initialState: false });
  const lock = useLockDesk();
  useEffect(() => {
    if (idle) lock();
  }, [idle, lock]);

  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < KEEP_ALIVE_EVERY_MS) return;
      last = Date.now();
      // A failure here (locked meanwhile, network) surfaces on the next real call.
      call('auth.keepAlive').catch(() => undefined);
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity);
    };
  }, []);
}
