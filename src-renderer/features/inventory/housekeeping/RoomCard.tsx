/**
 * One room on the housekeeping board, coloured by its status, with its attendant. Clicking opens
 * the statuses it may move to by hand (canSetRoomStatus; an occupied room has none, since check-in
 * and check-out own it) and 分配服务员, the active staff to give the room to.
 */
import { Box, Menu, Paper, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HousekeepingRoom } from '@shared/contract';
import { canSetRoomStatus, ROOM_STATUSES } from '@shared/rules/booking-status';
import { useMutate } from '../../../api/use-call';
import { useErrorText } from '../../../i18n/errors';
import { invalidate } from '../../../api/query-client';
import { ROOM_STATUS_COLORS } from '../status-colors';

function CardFace({ room, typeName }: { room: HousekeepingRoom; typeName: string }) {
  const { t } = useTranslation();
  const color = ROOM_STATUS_COLORS[room.status];
  return (
    <Paper
      p={8}
      h={92}
      style={{
        background: `var(--mantine-color-${color}-light)`,
        borderLeft: `4px solid var(--mantine-color-${color}-filled)`,
      }}
      data-testid={`hk-room-${room.number}`}
      data-status={room.status}
    >
      <Box display="flex" style={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 4 }}>
        <Text fw={700}>{room.number}</Text>
        <Text size="xs" c={`${color}.8`} fw={600} truncate>
          {t(`inventory.roomStatus.${room.status}`)}
        </Text>
      </Box>
      <Text size="xs" c="dimmed" truncate data-testid={`hk-type-${room.number}`}>
        {typeName}
      </Text>
      {room.arriving && !room.guestName ? (
        <Text size="xs" fw={500} c="indigo.7" truncate data-testid={`hk-arriving-${room.number}`}>
          {t('inventory.housekeeping.arriving', { guest: room.arriving.guestName })}
        </Text>
      ) : (
        <Text size="xs" fw={500} truncate>
          {room.guestName ?? ''}
        </Text>
      )}
      <Text size="xs" c={room.attendant ? undefined : 'dimmed'} truncate data-testid={`hk-attendant-${room.number}`}>
        <IconUser size={11} style={{ verticalAlign: -1, marginRight: 3 }} />
        {room.attendant?.name ?? t('inventory.housekeeping.unassigned')}
      </Text>
    </Paper>
  );
}

function Dot({ color }: { color: string }) {
  return <Box w={9} h={9} style={{ borderRadius: '50%', background: `var(--mantine-color-${color}-filled)` }} />;
}

export function RoomCard({
  room,
  typeName,
  mayChange,
  attendants,
}: {
  room: HousekeepingRoom;
  /** The room's type in the UI language. */
  typeName: string;
  mayChange: boolean;
  /** Active staff, for 分配服务员. */
  attendants: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const client = useQueryClient();
  // A refusal (ROOM_STATUS, ATTENDANT_NOT_ACTIVE) means the board was stale: show why and reload it.
  const refused = (thrown: unknown) => {
    invalidate(client, ['housekeeping.board', 'housekeeping.attendants']);
    notifications.show({ color: 'red', message: message(thrown) });
  };
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
    onError: refused,
  });
  const assign = useMutate('housekeeping.assign', {
    onSuccess: (updated) => {
      notifications.show({
        color: 'teal',
        message: updated.attendant
          ? t('inventory.housekeeping.assigned', { room: updated.number, name: updated.attendant.name })
          : t('inventory.housekeeping.unassignedDone', { room: updated.number }),
      });
    },
    onError: refused,
  });

  if (!mayChange) return <CardFace room={room} typeName={typeName} />;
  const next = ROOM_STATUSES.filter((status) => canSetRoomStatus(room.status, status));
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton
          w="100%"
          aria-label={t('inventory.housekeeping.changeRoom', { room: room.number })}
          disabled={setStatus.isPending || assign.isPending}
        >
          <CardFace room={room} typeName={typeName} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown data-testid={`hk-menu-${room.number}`}>
        <Menu.Label>{t('inventory.housekeeping.changeRoom', { room: room.number })}</Menu.Label>
        {next.map((status) => (
          <Menu.Item
            key={status}
            leftSection={<Dot color={ROOM_STATUS_COLORS[status]} />}
            onClick={() => setStatus.mutate({ roomId: room.id, status })}
            data-testid={`hk-set-${status}`}
          >
            {t(`inventory.roomStatus.${status}`)}
          </Menu.Item>
        ))}
        {next.length === 0 && <Menu.Item disabled>{t('inventory.housekeeping.occupiedHint')}</Menu.Item>}
        <Menu.Divider />
        <Menu.Sub>
          <Menu.Sub.Target>
            <Menu.Sub.Item leftSection={<IconUser size={14} />} data-testid="hk-assign">
              {t('inventory.housekeeping.assign')}
            </Menu.Sub.Item>
          </Menu.Sub.Target>
          <Menu.Sub.Dropdown mah={320} style={{ overflowY: 'auto' }} data-testid={`hk-assign-menu-${room.number}`}>
            {attendants.map((attendant) => (
              <Menu.Item
                key={attendant.id}
                disabled={room.attendant?.id === attendant.id}
                onClick={() => assign.mutate({ roomId: room.id, attendantId: attendant.id })}
                data-testid={`hk-assign-${attendant.name}`}
              >
                {attendant.name}
              </Menu.Item>
            ))}
            {attendants.length === 0 && <Menu.Item disabled>{t('inventory.housekeeping.noAttendants')}</Menu.Item>}
            {room.attendant && (
              <>
                <Menu.Divider />
                <Menu.Item
                  c="dimmed"
                  onClick={() => assign.mutate({ roomId: room.id, attendantId: null })}
                  data-testid="hk-unassign"
                >
                  {t('inventory.housekeeping.unassign')}
                </Menu.Item>
              </>
            )}
          </Menu.Sub.Dropdown>
        </Menu.Sub>
      </Menu.Dropdown>
    </Menu>
  );
}
