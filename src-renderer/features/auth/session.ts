/** The signed-in session as the app sees it: cached by react-query, read through one context. */
import { createContext, useContext } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@shared/contract';
import type { Permission } from '@shared/permissions';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-client';

export function useSetupStatus() {
  return useQuery({ queryKey: queryKeys.setup, queryFn: () => call('setup.status') });
}

export function useSessionQuery(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.session, queryFn: () => call('auth.session'), enabled });
}

/** Stores a session returned by sign-in, unlock or setup, so the app moves on without a round trip. */
export function useStoreSession() {
  const client = useQueryClient();
  return (session: SessionInfo | null) => client.setQueryData(queryKeys.session, session);
}

export const SessionContext = createContext<SessionInfo | null>(null);

/** The current session; only used below the signed-in shell, where one always exists. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}

export function useCan(): (permission: Permission) => boolean {
  const { permissions } = useSession();
  return (permission) => permissions.includes(permission);
}
