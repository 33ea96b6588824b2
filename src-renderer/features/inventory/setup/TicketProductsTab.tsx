/** Ticket products: the table (with each product's slots) and the create / edit modal. */
import { useState } from 'react';
import { Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketProduct } from '@shared/contract';
import { DataTable } from '../../../ui/DataTable';
import { useMoney } from '../../../ui/money';
import { EditModal, type Editing } from './EditModal';
import { QueryState } from '../../../ui/QueryState';
import { TicketProductForm } from './TicketProductForm';
import { useCall } from '../../../api/use-call';

const COLUMNS = [
  'inventory.setup.code',
  'inventory.setup.name',
  'inventory.setup.ticketPrice',
  'inventory.setup.slots',
  'common.actions',
] as const;

export function TicketProductsTab() {
  const { t } = useTranslation();
  const money = useMoney();
  const products = useCall('ticketProducts.list', {});
  const [editing, setEditing] = useState<Editing<TicketProduct>>(null);

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ item: null })}
          data-testid="ticket-product-create"
        >
          {t('inventory.setup.newTicketProduct')}
        </Button>
      </Group>
      <QueryState query={products}>
        {(list) => (
          <DataTable
            minWidth={720}
            highlightOnHover={false}
            data-testid="ticket-products-table"
            columns={COLUMNS.map((column) => t(column))}
            emptyText={t('inventory.setup.noTicketProducts')}
            rows={list.map((product) => (
              <Table.Tr key={product.id} data-testid={`ticket-product-row-${product.code}`}>
                <Table.Td ff="monospace">{product.code}</Table.Td>
                <Table.Td>{product.name}</Table.Td>
                <Table.Td>{money(product.priceFen)}</Table.Td>
                <Table.Td>
                  {product.slots.map((slot) => (
                    <Text key={slot.id} size="sm">
                      {t('inventory.setup.slotLine', {
                        from: slot.startTime,
                        to: slot.endTime,
                        capacity: slot.capacity,
                      })}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing({ item: product })}
                    data-testid={`ticket-product-edit-${product.code}`}
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
        size="lg"
        onClose={() => setEditing(null)}
        title={(item) =>
          item ? t('inventory.setup.editTicketProduct', { name: item.name }) : t('inventory.setup.newTicketProduct')
        }
      >
        {(item) => <TicketProductForm product={item} onClose={() => setEditing(null)} />}
      </EditModal>
    </>
  );
}
