/**
 * One room on the housekeeping board, coloured by its status. Clicking opens the statuses it may
 * move to by hand (canSetRoomStatus); an occupied room has none, since check-in and check-out own it.
 */
import { Box, Menu, Paper, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HousekeepingRoom } from '@shared/contract';
import { canSetRoomStatus, ROOM_STATUSES } from '@shared/rules/booking-status';
import { useMutate } from '../../../api/use-call';
import { useErrorText } from '../../../i18n/errors';
import { invalidate } from '../../../api/query-client';
import { ROOM_STATUS_COLORS } from '../status-colors';

function CardFace({ room }: { room: HousekeepingRoom }) {
  const { t } = useTranslation();
  const color = ROOM_STATUS_COLORS[room.status];
  return (
    <Paper
      p={8}
      h={74}
      style={{
        background: `var(--mantine-color-${color}-light)`,
        borderLeft: `4px solid var(--mantine-color-${color}-filled)`,
      }}
      data-testid={`hk-room-${room.number}`}
      data-status={room.status}
    >
      <Box display="flex" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Text fw={700}>{room.number}</Text>
        <Text size="xs" c={`${color}.8`} fw={600}>
          {t(`inventory.roomStatus.${room.status}`)}
        </Text>
      </Box>
      <Text size="xs" c="dimmed" truncate>
        {room.roomTypeName}
      </Text>
      <Text size="xs" fw={500} truncate>
        {room.guestName ?? ''}
      </Text>
    </Paper>
  );
}

export function RoomCard({ room, mayChange }: { room: HousekeepingRoom; mayChange: boolean }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const client = useQueryClient();
  const setStatus = useMutate('housekeeping.setStatus', {
    onSuccess: (updated) => {
      notifications.show({
        color: 'teal',
        message: t('inventory.housekeeping.changed', {
          room: updated.number,
          status: t(`inventory.roomStatus.${updated.status}`),
        }),
      });
    },
    onError: (thrown) => {
      // A refusal (ROOM_STATUS) means the board was stale: show why and reload it.
      invalidate(client, ['housekeeping.board']);
      notifications.show({ color: 'red', message: message(thrown) });
    },
  });

  if (!mayChange) return <CardFace room={room} />;
  const next = ROOM_STATUSES.filter((status) => canSetRoomStatus(room.status, status));
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton
          w="100%"
          aria-label={t('inventory.housekeeping.changeRoom', { room: room.number })}
          disabled={setStatus.isPending}
        >
          <CardFace room={room} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown data-testid={`hk-menu-${room.number}`}>
        <Menu.Label>{t('inventory.housekeeping.changeRoom', { room: room.number })}</Menu.Label>
        {next.map((status) => (
          <Menu.Item
            key={status}
            leftSection={
              <Box
                w={9}
                h={9}
                style={{ borderRadius: '50%', background: `var(--mantine-color-${ROOM_STATUS_COLORS[status]}-filled)` }}
              />
            }
            onClick={() => setStatus.mutate({ roomId: room.id, status })}
            data-testid={`hk-set-${status}`}
          >
            {t(`inventory.roomStatus.${status}`)}
          </Menu.Item>
        ))}
        {next.length === 0 && <Menu.Item disabled>{t('inventory.housekeeping.occupiedHint')}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}
