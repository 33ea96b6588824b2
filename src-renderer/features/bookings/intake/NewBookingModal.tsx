/**
 * 新建预订 over any page (N opens it): the form, then the booking number big, with the voucher
 * and check-in one key away. The booking just made is in the hash (`created=<id>`), so printing
 * its voucher (another route) comes back to this confirmation, not to an empty form.
 */
import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconDoorEnter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useErrorText } from '../../../i18n/errors';
import { useLocalNames } from '../../../i18n/use-local-names';
import { useMoney } from '../../../ui/money';
import { setHashParams, useHashParam } from '../../shell/router';
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
  const createdId = useHashParam('created');
  if (createdId) return <CreatedBooking id={createdId} />;
  return <NewBooking />;
}

function NewBooking() {
  const day = useCall('bookings.day', {});
  return day.data ? (
    <IntakeForm businessDate={day.data.businessDate} onCreated={(booking) => setHashParams({ created: booking.id })} />
  ) : (
    <Loader size="sm" />
  );
}

function CreatedBooking({ id }: { id: string }) {
  const { message } = useErrorText();
  const booking = useCall('bookings.get', { id });
  if (booking.isError) return <Alert color="red">{message(booking.error)}</Alert>;
  if (!booking.data) return <Loader size="sm" />;
  return <BookingCreated booking={booking.data} onAnother={() => setHashParams({ created: null })} />;
}

function BookingCreated({ booking, onAnother }: { booking: Booking; onAnother: () => void }) {
  const { t } = useTranslation();
  const names = useLocalNames();
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
        {booking.guest.name} · {names.roomType(booking.roomType.id, booking.roomType.name)}
        {booking.ratePlan && ` · ${names.ratePlan(booking.ratePlan.id, booking.ratePlan.name)}`}
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
