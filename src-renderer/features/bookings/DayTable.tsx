/** One of the day's lists (arrivals, departures, in-house): a row per booking; a click or Enter opens it. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingSummary } from '@shared/contract';
import { useLocalNames } from '../../i18n/use-local-names';
import { DataTable } from '../../ui/DataTable';
import { useMoney } from '../../ui/money';
import { BookingStatusBadge } from './BookingStatusBadge';
import { openBooking } from './overlays';
import { nightCount, useStayFormat } from './stay-format';

/** `withGuest` is off where the guest is already known (their profile's stays). */
export function DayTable({
  bookings,
  emptyText,
  testId,
  withGuest = true,
}: {
  bookings: BookingSummary[];
  emptyText: string;
  testId: string;
  withGuest?: boolean;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const stay = useStayFormat();
  const names = useLocalNames();
  const columns = (['number', 'guest', 'roomType', 'room', 'dates', 'balance', 'status'] as const).filter(
    (column) => withGuest || column !== 'guest',
  );
  return (
    <DataTable
      minWidth={withGuest ? 860 : 680}
      data-testid={testId}
      columns={columns.map((column) => (
        <Table.Th key={column} ta={column === 'balance' ? 'right' : undefined}>
          {t(`desk.columns.${column}`)}
        </Table.Th>
      ))}
      emptyText={emptyText}
      rows={bookings.map((booking) => (
        <Table.Tr
          key={booking.id}
          tabIndex={0}
          style={{ cursor: 'pointer' }}
          onClick={() => openBooking(booking.id)}
          onKeyDown={(event) => event.key === 'Enter' && openBooking(booking.id)}
          data-testid={`day-row-${booking.number}`}
        >
          <Table.Td ff="monospace">{booking.number}</Table.Td>
          {withGuest && <Table.Td>{booking.guestName}</Table.Td>}
          <Table.Td>{names.roomType(booking.roomTypeId, booking.roomTypeName)}</Table.Td>
          <Table.Td ff="monospace">{booking.roomNumber ?? t('common.empty')}</Table.Td>
          <Table.Td>
            {stay.range(booking.arrival, booking.departure)}{' '}
            <Text span c="dimmed" size="sm">
              {t('desk.nights', { count: nightCount(booking.arrival, booking.departure) })}
            </Text>
          </Table.Td>
          <Table.Td ta="right" c={booking.balanceFen > 0 ? 'red' : undefined} ff="monospace">
            {money(booking.balanceFen)}
          </Table.Td>
          <Table.Td>
            <BookingStatusBadge status={booking.status} />
          </Table.Td>
        </Table.Tr>
      ))}
    />
  );
}
