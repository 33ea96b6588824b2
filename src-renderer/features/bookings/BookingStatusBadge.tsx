/** A booking's state as a coloured badge, the same everywhere it is listed. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingStatus } from '@shared/rules/booking-status';

const COLORS: Record<BookingStatus, string> = {
  confirmed: 'blue',
  checked_in: 'teal',
  checked_out: 'gray',
  cancelled: 'red',
  no_show: 'orange',
};

export function BookingStatusBadge({ status, size = 'sm' }: { status: BookingStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size={size} data-testid="booking-status">
      {t(`desk.statuses.${status}`)}
    </Badge>
  );
}
