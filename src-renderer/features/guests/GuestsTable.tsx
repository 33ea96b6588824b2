/**
 * Guests found by the search: customer number, name, masked phone, segment. A row opens the
 * guest's profile (click or Enter); deleting, rare and high-risk, sits in the row's menu instead of
 * a red button on every line.
 */
import { ActionIcon, Menu, Table } from '@mantine/core';
import { IconDots, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GuestSummary } from '@shared/contract';
import { DataTable } from '../../ui/DataTable';
import { openGuest } from '../bookings/overlays';

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
    ...(mayDelete ? [<Table.Th key="menu" w={48} aria-label={t('common.actions')} />] : []),
  ];
  return (
    <DataTable
      minWidth={640}
      data-testid="guests-table"
      columns={columns}
      emptyText={t('guests.empty')}
      rows={guests.map((guest) => (
        <Table.Tr
          key={guest.id}
          data-testid={`guest-row-${guest.customerNo}`}
          tabIndex={0}
          style={{ cursor: 'pointer' }}
          onClick={() => openGuest(guest.id)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && event.target === event.currentTarget) openGuest(guest.id);
          }}
        >
          <Table.Td ff="monospace">{guest.customerNo}</Table.Td>
          <Table.Td>{guest.name}</Table.Td>
          <Table.Td ff="monospace">{guest.phone ?? t('common.empty')}</Table.Td>
          <Table.Td>{t(`guests.segments.${guest.segment}`)}</Table.Td>
          {mayDelete && (
            // The menu is not the row: opening it must not open the profile too.
            <Table.Td onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('guests.rowActions', { name: guest.name })}
                    data-testid={`guest-menu-${guest.customerNo}`}
                  >
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => onDelete(guest)}
                    data-testid={`guest-delete-${guest.customerNo}`}
                  >
                    {t('guests.delete')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    />
  );
}
