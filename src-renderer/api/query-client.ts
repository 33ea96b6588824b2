/**
 * The react-query client and its one key scheme: every query is cached under its operation's
 * name and input (`callKey`), so the invalidations declared beside the contract
 * (@shared/contract/invalidations) name what to refresh. Any call failing with SESSION_LOCKED or
 * NOT_SIGNED_IN updates the cached session, which switches the app to the lock or sign-in screen
 * wherever the call was made.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { InputOf, OperationName, SessionInfo } from '@shared/contract';
import type { Invalidated } from '@shared/contract/invalidations';
import { AppError } from '@shared/errors';

/** The one query key: the operation's name, then its input (`{}` when it takes none). */
export function callKey<N extends OperationName>(name: N, input?: InputOf<N>): readonly [N, unknown] {
  return [name, input ?? {}];
}

/** Marks the named queries (every input) stale and refetches those on screen. */
export function invalidate(client: QueryClient, queries: Invalidated): void {
  if (queries === 'all') void client.invalidateQueries();
  else for (const name of queries) void client.invalidateQueries({ queryKey: [name] });
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => routeSessionError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => routeSessionError(client, error) }),
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
    client.setQueryData<SessionInfo | null>(
      callKey('auth.session'),
      (session) => session && { ...session, locked: true },
    );
  } else if (error.code === 'NOT_SIGNED_IN') {
    client.setQueryData<SessionInfo | null>(callKey('auth.session'), null);
  } else if (error.code === 'NOT_SET_UP') {
    invalidate(client, ['setup.status']);
  }
}
