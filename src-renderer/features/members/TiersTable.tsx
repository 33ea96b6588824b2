/** The member tiers as configured, read-only: either threshold (spend or nights) qualifies for a tier. */
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable';
import { useMoney } from '../../ui/money';
import { QueryState } from '../../ui/QueryState';
import { TierBadge } from './TierBadge';
import { useCall } from '../../api/use-call';

export function TiersTable() {
  const { t } = useTranslation();
  const money = useMoney();
  const tiers = useCall('members.tiers', {});
  return (
    <QueryState query={tiers}>
      {(list) => (
        <DataTable
          minWidth={560}
          data-testid="member-tiers"
          columns={[
            t('members.tiers.name'),
            t('members.tiers.minSpend'),
            t('members.tiers.minNights'),
            t('members.tiers.earn'),
            t('members.tiers.discount'),
          ]}
          emptyText={t('common.empty')}
          rows={list.map((tier) => (
            <Table.Tr key={tier.code}>
              <Table.Td>
                <TierBadge tier={tier} />
              </Table.Td>
              <Table.Td ff="monospace">{money(tier.minSpendFen)}</Table.Td>
              <Table.Td>{t('members.tiers.nights', { count: tier.minNights })}</Table.Td>
              <Table.Td>{t('members.tiers.percent', { value: tier.earnPercent })}</Table.Td>
              <Table.Td>{t('members.tiers.percent', { value: tier.discountPercent })}</Table.Td>
            </Table.Tr>
          ))}
        />
      )}
    </QueryState>
  );
}
