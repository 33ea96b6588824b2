/** Locking the desk and signing out: the service call, then the cached session follows. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@shared/contract';
import { call } from '../../api/client';
import { callKey } from '../../api/query-client';

export function useLockDesk() {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => call('auth.lock'),
    // Lock the screen even if the call failed: an unattended desk must not stay open.
    onSettled: () =>
      client.setQueryData<SessionInfo | null>(
        callKey('auth.session'),
        (session) => session && { ...session, locked: true },
      ),
  });
  return mutation.mutate;
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('auth.signOut'),
    onSettled: () => {
      client.setQueryData(callKey('auth.session'), null);
      // Nothing the previous user loaded may show for the next one.
      const kept: unknown[] = ['setup.status', 'auth.session'];
      client.removeQueries({ predicate: (query) => !kept.includes(query.queryKey[0]) });
    },
  });
}
