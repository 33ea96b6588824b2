/**
 * A recorded cancellation: its number large enough to read out to the guest, the money, and a
 * waiver when there is a penalty; once a waiver waits for approval, it says so instead.
 */
import { useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cancellation } from '@shared/contract';
import { useMoney } from '../../ui/money';
import { Amount } from './QuoteSummary';
import { useCancellationLabels } from './use-cancellation-labels';
import { WaiveForm } from './WaiveForm';

interface CancelResultProps {
  cancellation: Cancellation;
  onChanged: (cancellation: Cancellation) => void;
  onClose: () => void;
}

export function CancelResult({ cancellation, onChanged, onClose }: CancelResultProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const [waiving, setWaiving] = useState(false);
  const [queued, setQueued] = useState(false);
  const labels = useCancellationLabels();

  return (
    <Stack gap="md" data-testid="cancel-result">
      <Paper withBorder p="md" radius="md" ta="center">
        <Text size="sm" c="dimmed">
          {t('cancellations.dialog.done')} · {t('cancellations.dialog.number')}
        </Text>
        <Title order={2} ff="monospace" data-testid="cancel-result-number">
          {cancellation.number}
        </Title>
      </Paper>
      <SimpleGrid cols={4}>
        <Amount
          label={t('cancellations.quote.penalty')}
          value={money(cancellation.penaltyFen)}
          testId="cancel-result-penalty"
        />
        <Amount
          label={t('cancellations.page.columns.waived')}
          value={money(cancellation.waivedFen)}
          testId="cancel-result-waived"
        />
        <Amount
          label={t('cancellations.quote.refund')}
          value={money(cancellation.refundFen)}
          testId="cancel-result-refund"
        />
        <Amount
          label={t('cancellations.dialog.refundMethod')}
          value={labels.refundMethod(cancellation.refundMethod)}
          testId="cancel-result-method"
        />
      </SimpleGrid>
      {waiving ? (
        <WaiveForm
          cancellation={cancellation}
          onCancel={() => setWaiving(false)}
          onQueued={() => {
            setWaiving(false);
            setQueued(true);
          }}
          onDone={(updated) => {
            setWaiving(false);
            onChanged(updated);
          }}
        />
      ) : (
        <Group justify="flex-end">
          {queued && (
            <Alert color="blue" variant="light" py={6} style={{ flex: 1 }} data-testid="cancel-result-waiver-queued">
              {t('cancellations.waive.queued')}
            </Alert>
          )}
          {cancellation.penaltyFen > 0 && !queued && (
            <Button variant="default" onClick={() => setWaiving(true)} data-testid="cancel-result-waive">
              {t('cancellations.dialog.waive')}
            </Button>
          )}
          <Button onClick={onClose} data-testid="cancel-result-close">
            {t('common.close')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
