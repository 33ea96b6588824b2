/**
 * The cancellation reads the screens share: a subject's quote (refreshed every minute, since a
 * deadline may pass while it is on screen) and the list. One root key refreshes them all after a
 * cancellation or a waiver.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** What can be cancelled: a hotel booking or a ticket order. */
export type CancelSubject = { type: 'booking'; id: string } | { type: 'ticket_order'; id: string };

export const cancellationKeys = {
  root: ['cancellations'],
  quote: (subject: CancelSubject) => ['cancellations', 'quote', subject.type, subject.id],
  list: (by: ListBy, from: string, to: string) => ['cancellations', 'list', by, from, to],
} as const;

export type ListBy = 'cancelled' | 'arrival';

/** A quote can pass a deadline while it is on screen; a minute is as exact as a desk needs. */
const QUOTE_EVERY_MS = 60_000;

export function useCancellationQuote(subject: CancelSubject, enabled = true) {
  return useQuery({
    queryKey: cancellationKeys.quote(subject),
    queryFn: () => (subject.type === 'booking' ? call('bookings.cancellationQuote', { id: subject.id }) : call('tickets.cancellationQuote', { orderId: subject.id })),
    refetchInterval: QUOTE_EVERY_MS,
    enabled,
  });
}

export function useCancellationList(by: ListBy, from: string, to: string) {
  return useQuery({ queryKey: cancellationKeys.list(by, from, to), queryFn: () => call('cancellations.list', { by, from, to }), enabled: from !== '' && to !== '' && from <= to });
}

export function useRefreshCancellations() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: cancellationKeys.root });
}
