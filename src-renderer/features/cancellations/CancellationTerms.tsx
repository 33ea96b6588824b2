/**
 * A booking's cancellation terms for the booking drawer: until when it is free (in hotel time) and
 * what cancelling now would cost, refreshed every minute. Nothing at all for a booking that can no
 * longer be cancelled: a guest in house or gone (canDo says so before the quote is asked), or
 * one the quote answers BOOKING_STATE for.
 */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canDo } from '@shared/rules/booking-status';
import { useCall } from '../../api/use-call';
import { toAppError, useErrorText } from '../../i18n/errors';
import { useMoney } from '../../ui/money';
import { useCancellationQuote } from './cancellation-quote';
import { useCancelFormat } from './use-cancel-format';

export function CancellationTerms({ bookingId }: { bookingId: string }) {
  // The drawer's own query (same key): no second request.
  const booking = useCall('bookings.get', { id: bookingId });
  if (!booking.data || !canDo(booking.data.status, 'cancel')) return null;
  return <Terms bookingId={bookingId} />;
}

function Terms({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useCancelFormat();
  const { message } = useErrorText();
  const quote = useCancellationQuote({ type: 'booking', id: bookingId });

  if (quote.isError) {
    if (toAppError(quote.error).code === 'BOOKING_STATE') return null;
    return (
      <Text size="sm" c="red" data-testid="cancellation-terms-error">
        {message(quote.error)}
      </Text>
    );
  }
  if (!quote.data) return null;
  const { freeUntil, penaltyFen, refundFen } = quote.data;
  const free =
    freeUntil === null
      ? t('cancellations.quote.neverFree')
      : t(format.isPast(freeUntil) ? 'cancellations.quote.termsEnded' : 'cancellations.quote.terms', {
          at: format.deadline(freeUntil),
        });

  return (
    <Stack gap={2} data-testid="cancellation-terms">
      <Text size="sm" data-testid="cancellation-terms-free-until">
        {free}
      </Text>
      <Text size="sm" c="dimmed" data-testid="cancellation-terms-now">
        {t('cancellations.quote.now', { penalty: money(penaltyFen), refund: money(refundFen) })}
      </Text>
    </Stack>
  );
}
