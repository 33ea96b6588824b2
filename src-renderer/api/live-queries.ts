/**
 * Keeps what the screens show current without polling: after a mutation the queries it declares
 * (@shared/contract/invalidations), on a host event those the event names (@shared/contract/events).
 */
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { eventInvalidates } from '@shared/contract/events';
import { invalidates } from '@shared/contract/invalidations';
import { onDeskEvent, onMutated } from './client';
import { invalidate } from './query-client';

export function useLiveQueries(client: QueryClient): void {
  useEffect(() => {
    const offMutated = onMutated((name) => invalidate(client, invalidates[name]));
    const offEvents = onDeskEvent((event) => invalidate(client, eventInvalidates[event]));
    return () => {
      offMutated();
      offEvents();
    };
  }, [client]);
}
