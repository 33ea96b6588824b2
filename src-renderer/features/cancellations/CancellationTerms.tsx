/**
 * A booking's cancellation terms for the booking drawer: until when it is free (in hotel time) and
 * what cancelling now would cost, refreshed every minute. Nothing at all for a booking that can no
 * longer be cancelled (the quote answers BOOKING_STATE).
 */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toAppError, useErrorText } from '../../i18n/errors';
import { useMoney } from '../../ui/money';
import { useCancellationQuote } from './cancellation-quote';
import { useCancelFormat } from './use-cancel-format';

export function CancellationTerms({ bookingId }: { bookingId: string }) {
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
