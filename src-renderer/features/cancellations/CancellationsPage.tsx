/**
 * Cancellations and their refunds over a date range, by the day they were cancelled or the day
 * the guest was due; a penalty can be waived from its row (through approval).
 */
import { useState } from 'react';
import { Alert, Group, Input, Loader, Modal, SegmentedControl, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Cancellation } from '@shared/contract';
import { addDays } from '@shared/rules/stay';
import { useErrorText } from '../../i18n/errors';
import { PageHeader } from '../../ui/PageHeader';
import { useMoney } from '../../ui/money';
import { useCall } from '../../api/use-call';
import { CancellationsTable } from './CancellationsTable';
import { useCancelFormat } from './use-cancel-format';
import { WaiveForm } from './WaiveForm';
import { DateField } from '../../ui/DateField';

type ListBy = 'cancelled' | 'arrival';

/** The default range: this day and the six before it. */
const DEFAULT_DAYS = 7;

export function CancellationsPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const money = useMoney();
  const format = useCancelFormat();
  const [by, setBy] = useState<ListBy>('cancelled');
  const [to, setTo] = useState(format.today);
  const [from, setFrom] = useState(() => addDays(to, 1 - DEFAULT_DAYS));
  const [waiving, setWaiving] = useState<Cancellation | null>(null);
  const list = useCall('cancellations.list', { by, from, to }, { enabled: from !== '' && to !== '' && from <= to });

  const waived = (updated: Cancellation) => {
    setWaiving(null);
    notifications.show({
      color: 'teal',
      message: t('cancellations.waive.done', { penalty: money(updated.penaltyFen), refund: money(updated.refundFen) }),
    });
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('cancellations.title')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Input.Wrapper label={t('cancellations.page.by')}>
          <SegmentedControl
            display="flex"
            value={by}
            onChange={(value) => setBy(value as ListBy)}
            data={[
              {
                value: 'cancelled',
                label: <span data-testid="cancellations-by-cancelled">{t('cancellations.page.byCancelled')}</span>,
              },
              {
                value: 'arrival',
                label: <span data-testid="cancellations-by-arrival">{t('cancellations.page.byArrival')}</span>,
              },
            ]}
          />
        </Input.Wrapper>
        <DateField
          label={t('cancellations.page.from')}
          w={160}
          value={from}
          onChange={setFrom}
          error={from > to}
          data-testid="cancellations-from"
        />
        <DateField
          label={t('cancellations.page.to')}
          w={160}
          value={to}
          onChange={setTo}
          error={from > to}
          data-testid="cancellations-to"
        />
        {list.isFetching && <Loader size="sm" mb={8} />}
      </Group>
      {list.isError && <Alert color="red">{message(list.error)}</Alert>}
      {list.data && <CancellationsTable cancellations={list.data} onWaive={setWaiving} />}
      <Modal
        opened={waiving !== null}
        onClose={() => setWaiving(null)}
        title={waiving && `${t('cancellations.waive.title')} · ${waiving.number}`}
        centered
      >
        {waiving && (
          <WaiveForm
            key={waiving.id}
            cancellation={waiving}
            onDone={waived}
            onQueued={() => setWaiving(null)}
            onCancel={() => setWaiving(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
