/**
 * Above the rack: today's arrivals that have no room yet, each with the clean (or inspected)
 * vacant rooms of its type no other stay holds, first one chosen: 排房入住 checks a guest who is
 * here in to it; 仅排房 keeps it for one still on the way (frontDesk.assignRoom), offered first at
 * check-in. Either way the bar appears on the rack and the row leaves this list.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { BookingSummary } from '@shared/contract';
import { useCan } from '../../../api/session';
import { useCall, useMutate } from '../../../api/use-call';
import { useErrorText } from '../../../i18n/errors';
import { useLocalNames } from '../../../i18n/use-local-names';
import { openBooking } from '../../bookings/overlays';
import { nightCount } from '../../bookings/stay-format';

function AssignRoom({ booking }: { booking: BookingSummary }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const rooms = useCall('frontDesk.suggestRooms', { bookingId: booking.id });
  const [picked, setPicked] = useState<string | null>(null);
  const roomId = picked ?? rooms.data?.[0]?.id ?? null;
  const onError = (thrown: unknown) => notifications.show({ color: 'red', message: message(thrown) });
  const checkIn = useMutate('frontDesk.checkIn', {
    onSuccess: (result) =>
      notifications.show({
        color: 'teal',
        message: t('desk.checkIn.done', { number: result.number, room: result.room?.number ?? '' }),
      }),
    onError,
  });
  const assign = useMutate('frontDesk.assignRoom', {
    onSuccess: (result) =>
      notifications.show({
        color: 'teal',
        message: t('inventory.rack.assignedOnly', { number: result.number, room: result.room?.number ?? '' }),
      }),
    onError,
  });
  if (rooms.data && rooms.data.length === 0)
    return (
      <Text size="sm" c="orange" data-testid={`rack-arrival-no-rooms-${booking.number}`}>
        {t('inventory.rack.noRooms')}
      </Text>
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        w={150}
        aria-label={t('inventory.rack.roomFor', { number: booking.number })}
        data={(rooms.data ?? []).map((room) => ({
          value: room.id,
          label: t('desk.checkIn.roomOption', { number: room.number, floor: room.floor }),
        }))}
        value={roomId}
        onChange={setPicked}
        allowDeselect={false}
        searchable
        data-testid={`rack-arrival-room-${booking.number}`}
      />
      <Button
        size="xs"
        disabled={roomId === null || assign.isPending}
        loading={checkIn.isPending}
        onClick={() => roomId && checkIn.mutate({ bookingId: booking.id, roomId })}
        data-testid={`rack-arrival-assign-${booking.number}`}
      >
        {t('inventory.rack.assign')}
      </Button>
      <Button
        size="xs"
        variant="default"
        disabled={roomId === null || checkIn.isPending}
        loading={assign.isPending}
        onClick={() => roomId && assign.mutate({ bookingId: booking.id, roomId })}
        data-testid={`rack-arrival-assign-only-${booking.number}`}
      >
        {t('inventory.rack.assignOnly')}
      </Button>
    </Group>
  );
}

export function UnassignedArrivals() {
  const { t } = useTranslation();
  const names = useLocalNames();
  const can = useCan();
  const day = useCall('bookings.day', {});
  const waiting = (day.data?.arrivals ?? []).filter(
    (booking) => booking.status === 'confirmed' && booking.roomNumber === null,
  );
  if (!day.data) return null;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="rack-arrivals">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{t('inventory.rack.arrivals')}</Text>
          <Badge variant="light" color={waiting.length > 0 ? 'indigo' : 'gray'} data-testid="rack-arrivals-count">
            {waiting.length}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('inventory.rack.arrivalsHint')}
          </Text>
        </Group>
        {waiting.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('inventory.rack.noArrivals')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720} mah={220}>
            <Table verticalSpacing={4} highlightOnHover>
              <Table.Tbody>
                {waiting.map((booking) => (
                  <Table.Tr key={booking.id} data-testid={`rack-arrival-${booking.number}`}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        fw={600}
                        onClick={() => openBooking(booking.id)}
                      >
                        {booking.guestName}
                      </Anchor>{' '}
                      <Text span size="xs" c="dimmed">
                        {booking.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{names.roomType(booking.roomTypeId, booking.roomTypeName)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t('desk.nights', { count: nightCount(booking.arrival, booking.departure) })}
                      </Text>
                    </Table.Td>
                    <Table.Td w={330}>{can('bookings.manage') && <AssignRoom booking={booking} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
