/**
 * 新建预订 over any page (N opens it): the form, then the booking number big, with the voucher
 * and check-in one key away.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconDoorEnter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useMoney } from '../../../ui/money';
import { closeIntake, openBooking } from '../overlays';
import { PrintVoucherButton } from '../print/PrintVoucherButton';
import { nightCount, useStayFormat } from '../stay-format';
import { IntakeForm } from './IntakeForm';
import { useCall } from '../../../api/use-call';

export function NewBookingModal({ opened }: { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={closeIntake} title={t('desk.intake.title')} size={980} data-testid="intake-modal">
      <IntakeFlow />
    </Modal>
  );
}

/** Inside the modal, so that closing it (which unmounts this) starts the next booking afresh. */
function IntakeFlow() {
  const day = useCall('bookings.day', {});
  const [created, setCreated] = useState<Booking | null>(null);
  if (created) return <BookingCreated booking={created} onAnother={() => setCreated(null)} />;
  return day.data ? <IntakeForm businessDate={day.data.businessDate} onCreated={setCreated} /> : <Loader size="sm" />;
}

function BookingCreated({ booking, onAnother }: { booking: Booking; onAnother: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const stay = useStayFormat();
  const checkInRef = useRef<HTMLButtonElement>(null);
  useEffect(() => checkInRef.current?.focus(), []);
  return (
    <Stack align="center" gap="sm" py="lg" data-testid="intake-created">
      <Text c="dimmed">{t('desk.intake.created')}</Text>
      <Title order={1} ff="monospace" data-testid="intake-created-number">
        {booking.number}
      </Title>
      <Text fw={600}>
        {booking.guest.name} · {booking.roomType.name}
      </Text>
      <Text c="dimmed">
        {stay.range(booking.arrival, booking.departure)} ·{' '}
        {t('desk.nights', { count: nightCount(booking.arrival, booking.departure) })} · {money(booking.totalFen)}
      </Text>
      <Group mt="md">
        <PrintVoucherButton bookingId={booking.id} />
        <Button
          ref={checkInRef}
          leftSection={<IconDoorEnter size={16} />}
          onClick={() => openBooking(booking.id, 'checkIn')}
          data-testid="intake-check-in"
        >
          {t('desk.intake.checkIn')}
        </Button>
        <Button variant="subtle" onClick={onAnother} data-testid="intake-another">
          {t('desk.intake.another')}
        </Button>
      </Group>
    </Stack>
  );
}
