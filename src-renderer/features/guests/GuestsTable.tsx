/** Guests found by the search: customer number, name, masked phone, segment, and deletion. */
import { Button, Table } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GuestSummary } from '@shared/contract';
import { DataTable } from '../../ui/DataTable';

interface GuestsTableProps {
  guests: GuestSummary[];
  mayDelete: boolean;
  onDelete: (guest: GuestSummary) => void;
}

export function GuestsTable({ guests, mayDelete, onDelete }: GuestsTableProps) {
  const { t } = useTranslation();
  const columns = [
    t('guests.customerNo'),
    t('guests.name'),
    t('guests.phone'),
    t('guests.segment'),
    ...(mayDelete ? [t('common.actions')] : []),
  ];
  return (
    <DataTable
      minWidth={640}
      data-testid="guests-table"
      columns={columns}
      emptyText={t('guests.empty')}
      rows={guests.map((guest) => (
        <Table.Tr key={guest.id} data-testid={`guest-row-${guest.customerNo}`}>
          <Table.Td ff="monospace">{guest.customerNo}</Table.Td>
          <Table.Td>{guest.name}</Table.Td>
          <Table.Td ff="monospace">{guest.phone ?? t('common.empty')}</Table.Td>
          <Table.Td>{t(`guests.segments.${guest.segment}`)}</Table.Td>
          {mayDelete && (
            <Table.Td>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                leftSection={<IconTrash size={14} />}
                onClick={() => onDelete(guest)}
                data-testid={`guest-delete-${guest.customerNo}`}
              >
                {t('guests.delete')}
              </Button>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    />
  );
}
