/**
 * 退房: confirm, then check out. An unpaid balance comes back BALANCE_DUE with the amount; the
 * drawer then opens 收款 with that amount, since that is the only way forward.
 */
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useMutate } from '../../../api/use-call';
import { toAppError, useErrorText } from '../../../i18n/errors';
import { useMoney, yuanToFen } from '../../../ui/money';
import { useBookingUpdated } from './use-booking-updated';

export function CheckOutPanel({
  booking,
  onDone,
  onBalanceDue,
}: {
  booking: Booking;
  onDone: () => void;
  onBalanceDue: (amountFen: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const money = useMoney();
  const updated = useBookingUpdated();
  const checkOut = useMutate('frontDesk.checkOut', {
    onSuccess: (result) => {
      updated(result, t('desk.checkOut.done', { number: result.number }));
      onDone();
    },
    onError: (thrown) => {
      const error = toAppError(thrown);
      // The services charge an early departure only for the nights slept, so their amount wins over the booking's balance.
      if (error.code === 'BALANCE_DUE') onBalanceDue(yuanToFen(Number(error.params?.['amount'] ?? 0)));
    },
  });
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)" data-testid="check-out-panel">
      <Stack gap="sm">
        {booking.balanceFen > 0 && (
          <Alert color="orange" variant="light">
            {t('desk.checkOut.balanceDue', { amount: money(booking.balanceFen) })}
          </Alert>
        )}
        {checkOut.isError && (
          <Text c="red" size="sm" role="alert" data-testid="check-out-error">
            {message(checkOut.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={checkOut.isPending}
            onClick={() => checkOut.mutate({ bookingId: booking.id })}
            data-autofocus
            data-testid="check-out-submit"
          >
            {t('desk.checkOut.confirm')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
