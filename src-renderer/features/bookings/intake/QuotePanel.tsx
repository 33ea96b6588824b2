/** The live price of the stay being entered: each night and the total, or why there is none yet. */
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/errors';
import { NightsTable } from '../NightsTable';
import { useQuote } from './use-intake-quote';

export function QuotePanel(stay: {
  arrival: string;
  departure: string;
  roomTypeId: string | null;
  ratePlanId: string | null;
}) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const quote = useQuote(stay);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('desk.intake.breakdown')}
      </Text>
      {!quote.data &&
        !quote.isError &&
        (quote.isFetching ? (
          <Loader size="sm" />
        ) : (
          <Text c="dimmed" size="sm">
            {t('desk.intake.pickToQuote')}
          </Text>
        ))}
      {quote.isError && <Alert color="red">{message(quote.error)}</Alert>}
      {quote.data && (
        <>
          <NightsTable nights={quote.data.nights} totalFen={quote.data.totalFen} testId="intake-quote" />
          {quote.data.soldOutNight && (
            <Alert color="orange" variant="light" data-testid="intake-quote-sold-out">
              {t('desk.intake.soldOut', { night: quote.data.soldOutNight })}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
