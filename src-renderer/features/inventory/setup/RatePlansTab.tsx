/** Rate plans: the table and the create / edit modal with its prices editor. */
import { useState } from 'react';
import { Badge, Button, Group, Table } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/use-local-names';
import type { RatePlan } from '@shared/contract';
import { DataTable } from '../../../ui/DataTable';
import { useBusinessDate } from '../../bookings/business-day';
import { EditModal, type Editing } from './EditModal';
import { QueryState } from '../../../ui/QueryState';
import { RatePlanForm } from './RatePlanForm';
import { useCall } from '../../../api/use-call';

const COLUMNS = [
  'inventory.setup.code',
  'inventory.setup.name',
  'inventory.setup.channels',
  'inventory.setup.memberOnly',
  'inventory.setup.prices',
  'common.actions',
] as const;

export function RatePlansTab() {
  const { t, i18n } = useTranslation();
  const plans = useCall('ratePlans.list', {});
  const roomTypes = useCall('roomTypes.list', {});
  const today = useBusinessDate() ?? '';
  const [editing, setEditing] = useState<Editing<RatePlan>>(null);

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ item: null })}
          data-testid="rate-plan-create"
        >
          {t('inventory.setup.newRatePlan')}
        </Button>
      </Group>
      <QueryState query={plans}>
        {(list) => (
          <DataTable
            minWidth={720}
            data-testid="rate-plans-table"
            columns={COLUMNS.map((column) => t(column))}
            emptyText={t('inventory.setup.noRatePlans')}
            rows={list.map((plan) => (
              <Table.Tr key={plan.id} data-testid={`rate-plan-row-${plan.code}`}>
                <Table.Td ff="monospace">{plan.code}</Table.Td>
                <Table.Td>{nameIn(i18n.language, plan)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {plan.channels.map((channel) => (
                      <Badge key={channel} variant="light" color="gray" size="sm">
                        {t(`inventory.channels.${channel}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{plan.memberOnly ? t('inventory.setup.yes') : t('inventory.setup.no')}</Table.Td>
                <Table.Td>{t('inventory.setup.priceCount', { count: plan.prices.length })}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing({ item: plan })}
                    data-testid={`rate-plan-edit-${plan.code}`}
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
        size={980}
        onClose={() => setEditing(null)}
        title={(item) =>
          item ? t('inventory.setup.editRatePlan', { name: item.name }) : t('inventory.setup.newRatePlan')
        }
      >
        {(item) => (
          <RatePlanForm plan={item} roomTypes={roomTypes.data ?? []} today={today} onClose={() => setEditing(null)} />
        )}
      </EditModal>
    </>
  );
}
