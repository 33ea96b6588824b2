/**
 * The members' reads and what refreshes them. Every key starts with the guests' key, so the booking
 * writes that move points (redemption, check-out, cancellation) refresh members through the
 * invalidation they already make.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-client';

export const memberKeys = {
  all: [...queryKeys.guests, 'members'],
  forGuest: (guestId: string) => [...queryKeys.guests, 'members', 'forGuest', guestId],
  lookup: (number: string) => [...queryKeys.guests, 'members', 'lookup', number],
  pointsCheck: (memberId: string, arrival: string) => [...queryKeys.guests, 'members', 'pointsCheck', memberId, arrival],
  ledger: (memberId: string) => [...queryKeys.guests, 'members', 'ledger', memberId],
  care: [...queryKeys.guests, 'members', 'care'],
  tiers: ['memberTiers'],
} as const;

export function useMemberForGuest(guestId: string) {
  return useQuery({ queryKey: memberKeys.forGuest(guestId), queryFn: () => call('members.forGuest', { guestId }) });
}

/** What a member may redeem for a stay arriving then; disabled until the member is known. */
export function usePointsCheck(memberId: string | null, arrival: string) {
  return useQuery({ queryKey: memberKeys.pointsCheck(memberId ?? '', arrival), queryFn: () => call('members.pointsCheck', { memberId: memberId!, arrival }), enabled: memberId !== null && arrival !== '' });
}

export function useLedger(memberId: string) {
  return useQuery({ queryKey: memberKeys.ledger(memberId), queryFn: () => call('members.ledger', { memberId }) });
}

export function useTiers() {
  return useQuery({ queryKey: memberKeys.tiers, queryFn: () => call('members.tiers'), staleTime: 60_000 });
}

export function useRefreshMembers(): () => void {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: memberKeys.all });
}
