/** A cancellation quote as the cancel dialog shows it: until when it is free, and what cancelling now costs and returns. */
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CancellationQuote } from '@shared/contract';
import { useMoney } from '../../ui/money';
import { useCancelFormat } from './use-cancel-format';
import { useCancellationLabels } from './use-cancellation-labels';

export function FreeUntilText({ freeUntil }: { freeUntil: string | null }) {
  const { t } = useTranslation();
  const format = useCancelFormat();
  if (freeUntil === null) return <>{t('cancellations.quote.neverFree')}</>;
  const at = format.deadline(freeUntil);
  return (
    <>
      {format.isPast(freeUntil)
        ? t('cancellations.quote.freeEnded', { at })
        : t('cancellations.quote.freeUntil', { at })}
    </>
  );
}

export function Amount({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function QuoteSummary({ quote }: { quote: CancellationQuote }) {
  const { t } = useTranslation();
  const money = useMoney();
  const labels = useCancellationLabels();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="cancel-quote">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} data-testid="cancel-quote-free-until">
            <FreeUntilText freeUntil={quote.freeUntil} />
          </Text>
          <Text size="sm" c="dimmed">
            {t('cancellations.quote.ifNow')}
          </Text>
        </Group>
        <SimpleGrid cols={4}>
          <Amount label={t('cancellations.quote.paid')} value={money(quote.paidFen)} testId="cancel-quote-paid" />
          <Amount
            label={t('cancellations.quote.penalty')}
            value={money(quote.penaltyFen)}
            testId="cancel-quote-penalty"
          />
          <Amount label={t('cancellations.quote.refund')} value={money(quote.refundFen)} testId="cancel-quote-refund" />
          <Amount label={t('cancellations.quote.rule')} value={labels.rule(quote.rule)} testId="cancel-quote-rule" />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
