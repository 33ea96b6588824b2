/**
 * 积分抵扣 on a member's booking: points become a `points` payment on the folio. The points usable
 * for this stay are a hint beside the field; the services check the balance and the points lapsing
 * before the stay, and their refusal (积分不足) is what the agent sees. A redemption stays 待同步
 * until the server confirms it.
 */
import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCoins } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Booking, PointsCheck } from '@shared/contract';
import { canDo } from '@shared/rules/booking-status';
import { useMoney } from '../../ui/money';
import { useFormCall } from '../../ui/use-form-submit';
import { useCan } from '../../api/session';
import { ActionForm } from '../bookings/booking/ActionForm';
import { usePointsCheck } from './use-points-check';
import { usePoints } from './use-points';
import { useCall } from '../../api/use-call';

export function RedeemPoints({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const can = useCan();
  const points = usePoints();
  const [open, setOpen] = useState(false);
  const member = useCall('members.forGuest', { guestId: booking.guest.id });
  const check = usePointsCheck(member.data?.id, booking.arrival);
  const payable = canDo(booking.status, 'pay') && booking.status !== 'checked_out' && booking.status !== 'no_show';
  if (!check.data || !payable || !can('bookings.manage')) return null;
  const { member: current } = check.data;
  return (
    <>
      <Group gap="xs">
        <Button
          size="xs"
          variant={open ? 'filled' : 'light'}
          color="grape"
          leftSection={<IconCoins size={14} />}
          onClick={() => setOpen(!open)}
          data-testid="booking-action-redeem"
        >
          {t('members.redeem.button')}
        </Button>
        <Text size="sm" c="dimmed" data-testid="redeem-balance">
          {current.memberNo} · {t('members.points', { points: points(current.balance) })}
        </Text>
        {current.pendingRedeemed > 0 && (
          <Badge color="orange" variant="light" data-testid="redeem-pending">
            {t('members.card.pending', { points: points(current.pendingRedeemed) })}
          </Badge>
        )}
      </Group>
      {open && <RedeemForm booking={booking} check={check.data} onDone={() => setOpen(false)} />}
    </>
  );
}

function RedeemForm({ booking, check, onDone }: { booking: Booking; check: PointsCheck; onDone: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const points = usePoints();
  const form = useForm<{ points: number | '' }>({
    initialValues: { points: '' },
    validate: {
      points: (value) => (typeof value === 'number' && value >= 1 ? null : t('validation.minValue', { min: 1 })),
    },
  });
  const submit = useFormCall(form, 'members.redeem', {
    input: (values: typeof form.values) => ({
      memberId: check.member.id,
      bookingId: booking.id,
      points: Number(values.points),
    }),
    onSuccess: (entry) => {
      notifications.show({
        color: 'teal',
        message: t('members.redeem.done', {
          points: points(-entry.points),
          amount: money(-entry.points * check.pointValueFen),
        }),
      });
      onDone();
    },
    fieldLabels: { points: t('members.redeem.points') },
  });
  const typed = typeof form.values.points === 'number' ? form.values.points : 0;
  const over = typed > check.redeemable;
  return (
    <ActionForm
      onSubmit={submit.onSubmit}
      onCancel={onDone}
      error={submit.error}
      pending={submit.pending}
      submitLabel={t('members.redeem.submit')}
      testId="redeem"
      submitDisabled={over}
    >
      <NumberInput
        label={t('members.redeem.points')}
        description={
          <Text span size="xs" c={over ? 'orange' : 'dimmed'} data-testid="redeem-hint">
            {over
              ? t('members.redeem.over', { available: points(check.redeemable) })
              : typed > 0
                ? t('members.redeem.worth', { amount: money(typed * check.pointValueFen) })
                : t('members.redeem.hint', { available: points(check.redeemable), value: money(check.pointValueFen) })}
          </Text>
        }
        min={1}
        allowDecimal={false}
        thousandSeparator=","
        data-autofocus
        data-testid="redeem-points"
        {...form.getInputProps('points')}
      />
    </ActionForm>
  );
}
