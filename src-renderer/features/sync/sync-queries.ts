/**
 * The sync reads and writes the screens share. The status is polled for the header, and the nav
 * badge and the settings section read the same cached copy; conflict lists sit under one key, so
 * a resolution or a change in the open count refreshes them all.
 */
import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConflictView, SyncStatus } from '@shared/contract';
import { call } from '../../api/client';

export const syncKeys = {
  status: ['sync', 'status'],
  conflicts: ['sync', 'conflicts'],
  conflictList: (status: ConflictView['status']) => ['sync', 'conflicts', status],
} as const;

/** Often enough that the header follows a sync as it happens; the call only reads local state. */
const STATUS_EVERY_MS = 3_000;

export function useSyncStatus() {
  return useQuery({ queryKey: syncKeys.status, queryFn: () => call('sync.status'), refetchInterval: STATUS_EVERY_MS });
}

export function useSyncNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('sync.now'),
    onSuccess: (status) => client.setQueryData(syncKeys.status, status),
  });
}

export function useConflicts(status: ConflictView['status']) {
  return useQuery({ queryKey: syncKeys.conflictList(status), queryFn: () => call('conflicts.list', { status }) });
}

export function useRefreshConflicts(): () => void {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: syncKeys.conflicts });
    void client.invalidateQueries({ queryKey: syncKeys.status });
  };
}

/**
 * Refetches what the screens show when a sync brought other desks' work (or settled a conflict),
 * so lists, the grid, the nav badge and booking alerts agree. Called once, by the header's indicator.
 */
export function useFollowSync(status: Pick<SyncStatus, 'openConflicts' | 'receivedAt'> | undefined): void {
  const client = useQueryClient();
  const seen = useRef<string | null>(null);
  const now = status ? `${status.openConflicts}|${status.receivedAt}` : null;
  useEffect(() => {
    if (now === null) return;
    // The first reading only sets the baseline: the screens have just loaded what they show.
    if (seen.current !== null && seen.current !== now) {
      void client.invalidateQueries({ predicate: (query) => !(query.queryKey[0] === syncKeys.status[0] && query.queryKey[1] === syncKeys.status[1]) });
    }
    seen.current = now;
  }, [client, now]);
}
