/** 房务: every room as a card by floor, counts per status, filters (status, floor, attendant), status changes and attendants by hand. */
import { Fragment, useState } from 'react';
import { Box, Group, SegmentedControl, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROOM_STATUSES, type RoomStatus } from '@shared/rules/booking-status';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useCan } from '../../../api/session';
import { FloorFilter, floorsOf } from '../FloorFilter';
import { ROOM_STATUS_COLORS } from '../status-colors';
import { RoomCard } from './RoomCard';
import { useLocalNames } from '../../../i18n/use-local-names';
import { useCall } from '../../../api/use-call';

const ALL = 'all';
/** The attendant filter's value for rooms nobody is assigned to. */
const NOBODY = 'nobody';

export function HousekeepingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const board = useCall('housekeeping.board', {});
  const names = useLocalNames();
  const mayChange = can('housekeeping.manage');
  const attendants = useCall('housekeeping.attendants', {}, { enabled: mayChange });
  const [status, setStatus] = useState<RoomStatus | typeof ALL>(ALL);
  const [floor, setFloor] = useState<string | null>(null);
  const [attendant, setAttendant] = useState<string | null>(null);

  const rooms = board.data ?? [];
  const floors = floorsOf(rooms);
  const count = (s: RoomStatus) => rooms.filter((room) => room.status === s).length;
  const byAttendant = (room: (typeof rooms)[number]) =>
    attendant === null || (attendant === NOBODY ? room.attendant === null : room.attendant?.id === attendant);
  const shown = rooms.filter(
    (room) =>
      (status === ALL || room.status === status) &&
      (floor === null || room.floor === Number(floor)) &&
      byAttendant(room),
  );
  // Everyone a room is assigned to (a disabled attendant too), for the filter.
  const assignedTo = new Map(
    rooms.flatMap((room) => (room.attendant ? [[room.attendant.id, room.attendant.name]] : [])),
  );
  const shownFloors = floors.filter((f) => shown.some((room) => room.floor === f));

  const statusOptions = [
    { value: ALL, label: t('inventory.housekeeping.all', { count: rooms.length }) },
    ...ROOM_STATUSES.map((s) => ({
      value: s,
      label: (
        <Group gap={6} wrap="nowrap" justify="center" data-testid={`hk-count-${s}`}>
          <Box
            w={9}
            h={9}
            style={{ borderRadius: '50%', background: `var(--mantine-color-${ROOM_STATUS_COLORS[s]}-filled)` }}
          />
          {t('inventory.housekeeping.statusCount', { status: t(`inventory.roomStatus.${s}`), count: count(s) })}
        </Group>
      ),
    })),
  ];

  return (
    <>
      <PageHeader title={t('nav.housekeeping')} />
      <QueryState query={board}>
        {() => (
          <>
            <Group mb="md" gap="md" align="flex-end">
              <SegmentedControl
                value={status}
                onChange={(v) => setStatus(v as RoomStatus | typeof ALL)}
                data={statusOptions}
                aria-label={t('inventory.housekeeping.statusFilter')}
                data-testid="hk-status-filter"
              />
              <FloorFilter w={140} floors={floors} value={floor} onChange={setFloor} testId="hk-floor-filter" />
              <Select
                w={160}
                placeholder={t('inventory.housekeeping.allAttendants')}
                aria-label={t('inventory.housekeeping.attendantFilter')}
                data={[
                  { value: NOBODY, label: t('inventory.housekeeping.unassigned') },
                  ...[...assignedTo].map(([value, label]) => ({ value, label })),
                ]}
                value={attendant}
                onChange={setAttendant}
                clearable
                data-testid="hk-attendant-filter"
              />
            </Group>
            {shown.length === 0 && <Text c="dimmed">{t('inventory.housekeeping.empty')}</Text>}
            {shownFloors.map((f) => (
              <Fragment key={f}>
                <Title order={3} size="h5" mt="sm" mb={6} c="dimmed">
                  {t('inventory.floor', { floor: f })}
                </Title>
                <SimpleGrid cols={{ base: 3, sm: 5, lg: 8 }} spacing={8} data-testid={`hk-floor-${f}`}>
                  {shown
                    .filter((room) => room.floor === f)
                    .map((room) => (
                      <RoomCard
                        key={room.id}
                        room={room}
                        typeName={names.roomType(room.roomTypeId, room.roomTypeName)}
                        mayChange={mayChange}
                        attendants={attendants.data ?? []}
                      />
                    ))}
                </SimpleGrid>
              </Fragment>
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
