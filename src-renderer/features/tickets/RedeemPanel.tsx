/**
 * 检票: an order number scanned or typed, its visitors (all ticked: a party enters together),
 * then 核销. Visitors already through are marked, but the refusal of a second entry is the
 * service's (TICKET_ALREADY_USED), so the gate sees the same answer every desk would.
 */
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconScan, IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketOrder } from '@shared/contract';
import { useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { OrderSummary } from './OrderSummary';

export function RedeemPanel() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const [number, setNumber] = useState('');
  const [order, setOrder] = useState<TicketOrder | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const find = useMutate('tickets.find', {
    onMutate: () => setError(null),
    onSuccess: (found) => {
      setOrder(found);
      setChosen(found.visitors.map((v) => v.id));
    },
    onError: (thrown) => {
      setOrder(null);
      setError(message(thrown));
    },
  });

  const redeem = useMutate('tickets.redeem', {
    onMutate: () => setError(null),
    onSuccess: (updated, input) => {
      setOrder(updated);
      notifications.show({
        color: 'teal',
        message: t('inventory.tickets.redeemed', { count: input.visitorIds.length }),
      });
    },
    onError: (thrown) => setError(message(thrown)),
  });

  const submitFind = (event: FormEvent) => {
    event.preventDefault();
    if (number.trim()) find.mutate({ number: number.trim() });
  };
  const toggle = (id: string, on: boolean) => setChosen((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <Stack gap="md" maw={760}>
      <form onSubmit={submitFind}>
        <Group align="flex-end">
          <TextInput
            flex={1}
            label={t('inventory.tickets.scanLabel')}
            placeholder={t('inventory.tickets.scanPlaceholder')}
            leftSection={<IconScan size={16} />}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            data-testid="redeem-number"
          />
          <Button type="submit" variant="default" loading={find.isPending} data-testid="redeem-find">
            {t('inventory.tickets.find')}
          </Button>
        </Group>
      </form>
      <FormError message={error} testId="redeem-error" />
      {order && (
        <>
          <OrderSummary
            order={order}
            testId="redeem-order"
            visitorCell={(visitor) => (
              <Checkbox
                label={visitor.name}
                checked={chosen.includes(visitor.id)}
                onChange={(event) => toggle(visitor.id, event.currentTarget.checked)}
                data-testid={`redeem-visitor-${visitor.name}`}
              />
            )}
          />
          <Group justify="flex-end">
            <Button
              size="md"
              leftSection={<IconTicket size={18} />}
              disabled={chosen.length === 0}
              loading={redeem.isPending}
              onClick={() => redeem.mutate({ orderId: order.id, visitorIds: chosen })}
              data-testid="redeem-submit"
            >
              {t('inventory.tickets.redeem', { count: chosen.length })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
