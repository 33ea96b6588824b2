/** Room types: the table and the create / edit modal. */
import { useState } from 'react';
import { Button, Group, Table } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/use-local-names';
import type { RoomType } from '@shared/contract';
import { DataTable } from '../../../ui/DataTable';
import { useMoney } from '../../../ui/money';
import { EditModal, type Editing } from './EditModal';
import { QueryState } from '../../../ui/QueryState';
import { RoomTypeForm } from './RoomTypeForm';
import { useCall } from '../../../api/use-call';

const COLUMNS = [
  'inventory.setup.code',
  'inventory.setup.name',
  'inventory.setup.capacity',
  'inventory.setup.baseRate',
  'inventory.setup.roomCount',
  'common.actions',
] as const;

export function RoomTypesTab() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const roomTypes = useCall('roomTypes.list', {});
  const [editing, setEditing] = useState<Editing<RoomType>>(null);

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ item: null })}
          data-testid="room-type-create"
        >
          {t('inventory.setup.newRoomType')}
        </Button>
      </Group>
      <QueryState query={roomTypes}>
        {(types) => (
          <DataTable
            minWidth={640}
            data-testid="room-types-table"
            columns={COLUMNS.map((column) => t(column))}
            emptyText={t('inventory.setup.noRoomTypes')}
            rows={types.map((type) => (
              <Table.Tr key={type.id} data-testid={`room-type-row-${type.code}`}>
                <Table.Td ff="monospace">{type.code}</Table.Td>
                <Table.Td>{nameIn(i18n.language, type)}</Table.Td>
                <Table.Td>{type.capacity}</Table.Td>
                <Table.Td>{money(type.baseRateFen)}</Table.Td>
                <Table.Td>{type.rooms}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing({ item: type })}
                    data-testid={`room-type-edit-${type.code}`}
                  >
                    {t('inventory.setup.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          />
        )}
      </QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        title={(item) =>
          item ? t('inventory.setup.editRoomType', { name: item.name }) : t('inventory.setup.newRoomType')
        }
      >
        {(item) => <RoomTypeForm roomType={item} onClose={() => setEditing(null)} />}
      </EditModal>
    </>
  );
}
