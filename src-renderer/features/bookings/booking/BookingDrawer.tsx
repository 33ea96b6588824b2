/**
 * The booking drawer, opened from anywhere through the hash (`?booking=<id>`, so a reload keeps
 * it): number and state, the booking, what may be done now, payments, the change history and
 * the customer documents (a guest's written authorisation of a change belongs there).
 */
import { useState } from 'react';
import { Alert, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/errors';
import { useFormat } from '../../../i18n/format';
import { CancellationTerms } from '../../cancellations/CancellationTerms';
import { BookingStatusBadge } from '../BookingStatusBadge';
import { useCall } from '../../../api/use-call';
import { CancelDialog } from '../../cancellations/CancelDialog';
import { RedeemPoints } from '../../members/RedeemPoints';
import { BookingConflictAlert } from '../../sync/BookingConflictAlert';
import { closeBooking, type DrawerAction } from '../overlays';
import { BookingActions } from './BookingActions';
import { BookingOverview } from './BookingOverview';
import { ChangeHistory } from './ChangeHistory';
import { ComplaintHistory } from '../../complaints/ComplaintHistory';
import { CustomerDocuments } from '../../archive/CustomerDocuments';
import { PaymentsSection } from './PaymentsSection';

export function BookingDrawer({ bookingId, action }: { bookingId: string | null; action: DrawerAction | null }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const format = useFormat();
  const booking = useCall('bookings.get', { id: bookingId ?? '' }, { enabled: bookingId !== null });
  const [cancelling, setCancelling] = useState(false);
  const data = booking.data;
  return (
    <Drawer
      opened={bookingId !== null}
      onClose={closeBooking}
      position="right"
      size={680}
      title={
        data && (
          <Group gap="sm">
            <Title order={3} ff="monospace" data-testid="booking-number">
              {data.number}
            </Title>
            <BookingStatusBadge status={data.status} size="md" />
          </Group>
        )
      }
      data-testid="booking-drawer"
    >
      {booking.isPending && <Loader size="sm" />}
      {booking.isError && <Alert color="red">{message(booking.error)}</Alert>}
      {data && (
        <Stack gap="md">
          <BookingConflictAlert bookingId={data.id} />
          <BookingOverview booking={data} />
          <CancellationTerms bookingId={data.id} />
          {/* Keyed by state: after check-in the check-in form must not linger. */}
          <BookingActions
            key={`${data.id}-${data.status}`}
            booking={data}
            initial={action}
            onCancel={() => setCancelling(true)}
          />
          <CancelDialog
            subject={{ type: 'booking', id: data.id }}
            opened={cancelling}
            onClose={() => setCancelling(false)}
          />
          <Divider label={t('desk.pay.title')} labelPosition="left" />
          <PaymentsSection booking={data} />
          <RedeemPoints booking={data} />
          <Divider label={t('desk.history.title')} labelPosition="left" />
          <ChangeHistory changes={data.changes} />
          <ComplaintHistory subject={{ guestId: data.guest.id, bookingId: data.id }} />
          <CustomerDocuments subjectType="booking" subjectId={data.id} />
          <Text size="xs" c="dimmed">
            {t('desk.drawer.createdBy', { name: data.createdBy, at: format.dateTime(data.createdAt) })}
          </Text>
        </Stack>
      )}
    </Drawer>
  );
}
