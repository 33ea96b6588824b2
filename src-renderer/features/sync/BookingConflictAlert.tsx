/** In the booking drawer: this booking is part of an open conflict, with the way to the conflicts page. */
import { Alert, Anchor } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../shell/router';
import { useConflicts } from './sync-queries';

export function BookingConflictAlert({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const open = useConflicts('open');
  const inConflict = open.data?.some((conflict) => conflict.subjectType === 'booking' && conflict.subjectId === bookingId);
  if (!inConflict) return null;
  return (
    <Alert color="red" variant="light" icon={<IconArrowsExchange size={18} />} data-testid="booking-conflict-alert">
      {t('sync.conflicts.bookingAlert')}{' '}
      <Anchor href={hrefOf('conflicts')} size="sm" fw={600}>
        {t('sync.conflicts.viewConflicts')}
      </Anchor>
    </Alert>
  );
}
