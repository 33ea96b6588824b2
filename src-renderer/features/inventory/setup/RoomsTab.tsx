/** Rooms: the table (filtered by floor, since a hotel has a hundred or more) and the create / edit modal. */
import { useState } from 'react';
import { Badge, Button, Group, Table } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/use-local-names';
import type { Room, RoomType } from '@shared/contract';
import { DataTable } from '../../../ui/DataTable';
import { FloorFilter, floorsOf } from '../FloorFilter';
import { ROOM_STATUS_COLORS } from '../status-colors';
import { EditModal, type Editing } from './EditModal';
import { QueryState } from '../../../ui/QueryState';
import { RoomForm } from './RoomForm';
import { useCall } from '../../../api/use-call';

const COLUMNS = [
  'inventory.setup.roomNumber',
  'inventory.setup.floor',
  'inventory.setup.roomType',
  'inventory.setup.features',
  'inventory.setup.status',
  'common.actions',
] as const;

function RoomsTable({
  rooms,
  roomTypes,
  onEdit,
}: {
  rooms: Room[];
  roomTypes: RoomType[];
  onEdit: (room: Room) => void;
}) {
  const { t, i18n } = useTranslation();
  const typeNames = new Map(roomTypes.map((type) => [type.id, nameIn(i18n.language, type)]));
  return (
    <DataTable
      minWidth={720}
      verticalSpacing={6}
      data-testid="rooms-table"
      columns={COLUMNS.map((column) => t(column))}
      emptyText={t('inventory.setup.noRooms')}
      rows={rooms.map((room) => (
        <Table.Tr key={room.id} data-testid={`room-row-${room.number}`}>
          <Table.Td fw={600}>{room.number}</Table.Td>
          <Table.Td>{room.floor}</Table.Td>
          <Table.Td>{typeNames.get(room.roomTypeId) ?? t('common.empty')}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {room.features.map((feature) => (
                <Badge key={feature} variant="outline" color="gray" radius="sm" size="sm">
                  {feature}
                </Badge>
              ))}
            </Group>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={ROOM_STATUS_COLORS[room.status]}>
              {t(`inventory.roomStatus.${room.status}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPencil size={14} />}
              onClick={() => onEdit(room)}
              data-testid={`room-edit-${room.number}`}
            >
              {t('inventory.setup.edit')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    />
  );
}

export function RoomsTab() {
  const { t } = useTranslation();
  const rooms = useCall('rooms.list', {});
  const roomTypes = useCall('roomTypes.list', {});
  const [floor, setFloor] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing<Room>>(null);
  const all = rooms.data ?? [];
  const knownFeatures = [...new Set(all.flatMap((room) => room.features))];

  return (
    <>
      <Group justify="space-between" mb="sm">
        <FloorFilter w={160} floors={floorsOf(all)} value={floor} onChange={setFloor} testId="rooms-floor-filter" />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ item: null })}
          disabled={!roomTypes.data?.length}
          data-testid="room-create"
        >
          {t('inventory.setup.newRoom')}
        </Button>
      </Group>
      <QueryState query={rooms}>
        {(list) => (
          <RoomsTable
            rooms={list.filter((room) => floor === null || room.floor === Number(floor))}
            roomTypes={roomTypes.data ?? []}
            onEdit={(room) => setEditing({ item: room })}
          />
        )}
      </QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        title={(item) => (item ? t('inventory.setup.editRoom', { number: item.number }) : t('inventory.setup.newRoom'))}
      >
        {(item) => (
          <RoomForm
            room={item}
            roomTypes={roomTypes.data ?? []}
            knownFeatures={knownFeatures}
            onClose={() => setEditing(null)}
          />
        )}
      </EditModal>
    </>
  );
}
