/**
 * The signed-in session as the app sees it: cached under `auth.session` like any query, read
 * through one context (money formats, permissions and the property's time zone read it).
 */
import { createContext, useContext } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@shared/contract';
import type { Permission } from '@shared/permissions';
import { callKey } from './query-client';
import { useCall } from './use-call';

export function useSetupStatus() {
  return useCall('setup.status', {});
}

export function useSessionQuery(enabled: boolean) {
  return useCall('auth.session', {}, { enabled });
}

/** Stores a session returned by sign-in, unlock or setup, so the app moves on without a round trip. */
export function useStoreSession() {
  const client = useQueryClient();
  return (session: SessionInfo | null) => client.setQueryData(callKey('auth.session'), session);
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
