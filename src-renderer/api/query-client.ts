/**
 * The react-query client and the keys of what it caches. Any call failing with SESSION_LOCKED
 * or NOT_SIGNED_IN updates the cached session, which switches the app to the lock or sign-in
 * screen wherever the call was made. Any successful write refreshes the approval counts, since
 * it may have created, decided or executed a request.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@shared/contract';
import { AppError } from '@shared/errors';

export const queryKeys = {
  setup: ['setup'],
  session: ['session'],
  staff: ['staff'],
  permissions: ['permissions'],
  audit: ['audit'],
  backups: ['backups'],
  recovery: ['recovery'],
  vault: ['vault'],
  guests: ['guests'],
  /** Lists, single requests and counts all start with this, so one invalidation refreshes them all. */
  approvals: ['approvals'],
  approvalCounts: ['approvals', 'counts'],
  approvalPolicy: ['approvalPolicy'],
} as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => routeSessionError(client, error) }),
    mutationCache: new MutationCache({
      onError: (error) => routeSessionError(client, error),
      onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.approvalCounts }),
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // Only a lost connection is worth retrying; a coded answer will not change.
        retry: (failures, error) => error instanceof AppError && error.code === 'NETWORK' && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

function routeSessionError(client: QueryClient, error: unknown): void {
  if (!(error instanceof AppError)) return;
  if (error.code === 'SESSION_LOCKED') {
    client.setQueryData<SessionInfo | null>(queryKeys.session, (session) => session && { ...session, locked: true });
  } else if (error.code === 'NOT_SIGNED_IN') {
    client.setQueryData<SessionInfo | null>(queryKeys.session, null);
  } else if (error.code === 'NOT_SET_UP') {
    void client.invalidateQueries({ queryKey: queryKeys.setup });
  }
}
