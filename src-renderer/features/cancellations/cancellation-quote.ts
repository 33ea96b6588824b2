/** A subject's cancellation quote, refreshed every minute, since a deadline may pass while it is on screen. */
import { useCall } from '../../api/use-call';

/** What can be cancelled: a hotel booking or a ticket order. */
export type CancelSubject = { type: 'booking'; id: string } | { type: 'ticket_order'; id: string };

/** A quote can pass a deadline while it is on screen; a minute is as exact as a desk needs. */
const QUOTE_EVERY_MS = 60_000;

export function useCancellationQuote(subject: CancelSubject, enabled = true) {
  const booking = useCall(
    'bookings.cancellationQuote',
    { id: subject.id },
    { enabled: enabled && subject.type === 'booking', refetchInterval: QUOTE_EVERY_MS },
  );
  const order = useCall(
    'tickets.cancellationQuote',
    { orderId: subject.id },
    { enabled: enabled && subject.type === 'ticket_order', refetchInterval: QUOTE_EVERY_MS },
  );
  return subject.type === 'booking' ? booking : order;
}
