/**
 * 退房: confirm, then check out. An unpaid balance comes back BALANCE_DUE with the amount; the
 * panel then shows 收款 with that amount inside itself, and a payment that settles it goes straight
 * on to the check-out (收款并退房), so the agent never presses 退房 → 确认退房 twice.
 */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useMutate } from '../../../api/use-call';
import { toAppError, useErrorText } from '../../../i18n/errors';
import { useMoney, yuanToFen } from '../../../ui/money';
import { PaymentForm } from './PaymentForm';
import { useBookingUpdated } from './use-booking-updated';

export function CheckOutPanel({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const money = useMoney();
  const updated = useBookingUpdated();
  // What check-out said is still due; while set, the panel takes the payment first.
  const [dueFen, setDueFen] = useState<number | null>(null);
  const checkOut = useMutate('frontDesk.checkOut', {
    onSuccess: (result) => {
      updated(result, t('desk.checkOut.done', { number: result.number }));
      onDone();
    },
    onError: (thrown) => {
      const error = toAppError(thrown);
      // The services charge an early departure only for the nights slept, so their amount wins over the booking's balance.
      if (error.code === 'BALANCE_DUE') setDueFen(yuanToFen(Number(error.params?.['amount'] ?? 0)));
    },
  });

  if (dueFen !== null)
    return (
      <PaymentForm
        key={dueFen}
        booking={booking}
        dueFen={dueFen}
        submitLabel={t('desk.checkOut.payAndCheckOut')}
        onPaid={() => {
          setDueFen(null);
          // A part payment leaves a balance: check-out says so again, with the new amount.
          checkOut.mutate({ bookingId: booking.id });
        }}
        onDone={onDone}
      />
    );

  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)" data-testid="check-out-panel">
      <Stack gap="sm">
        {booking.balanceFen > 0 && (
          <Alert color="orange" variant="light">
            {t('desk.checkOut.balanceDue', { amount: money(booking.balanceFen) })}
          </Alert>
        )}
        {checkOut.isError && toAppError(checkOut.error).code !== 'BALANCE_DUE' && (
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
