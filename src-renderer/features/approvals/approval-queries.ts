/** The approval reads the pages share: counts (polled for the nav badge), a queue view, one request. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { APPROVAL_VIEWS } from '@shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-client';

export type ApprovalView = (typeof APPROVAL_VIEWS)[number];

/** Often enough that a supervisor notices a new request, rarely enough to cost nothing. */
const COUNTS_EVERY_MS = 30_000;

export function useApprovalCounts() {
  return useQuery({ queryKey: queryKeys.approvalCounts, queryFn: () => call('approvals.counts'), refetchInterval: COUNTS_EVERY_MS });
}

export function useApprovalList(view: ApprovalView) {
  return useQuery({ queryKey: [...queryKeys.approvals, 'list', view], queryFn: () => call('approvals.list', { view, limit: 200 }) });
}

export function useApprovalRequest(requestId: string | null) {
  return useQuery({
    queryKey: [...queryKeys.approvals, 'get', requestId],
    queryFn: () => call('approvals.get', { requestId: requestId! }),
    enabled: requestId !== null,
  });
}

/** After a request was made or decided: its lists, counts and detail, and whatever it may have changed. */
export function useRefreshAfterApproval() {
  const client = useQueryClient();
  return (operation: string) => {
    void client.invalidateQueries({ queryKey: queryKeys.approvals });
    if (operation.startsWith('guests.')) void client.invalidateQueries({ queryKey: queryKeys.guests });
  };
}
