/** 积分明细: every ledger entry, newest first; redemptions stay 待同步 until the server confirms them. */
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { usePoints } from './use-points';
import { useCall } from '../../api/use-call';

export function PointsLedger({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const points = usePoints();
  const ledger = useCall('members.ledger', { memberId: memberId });
  return (
    <QueryState query={ledger}>
      {(entries) => (
        <DataTable
          minWidth={600}
          fz="sm"
          data-testid="member-ledger"
          columns={[
            t('members.ledger.kind'),
            t('members.ledger.points'),
            t('members.ledger.booking'),
            t('members.ledger.earnedOn'),
            t('members.ledger.expiresOn'),
            t('members.ledger.status'),
            t('members.ledger.staff'),
          ]}
          emptyText={t('members.ledger.empty')}
          rows={entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid={`ledger-row-${entry.kind}`}>
              <Table.Td>
                {t(`members.ledger.kinds.${entry.kind}`)}
                {entry.kind === 'adjust' && entry.note && (
                  <Text size="xs" c="dimmed">
                    {entry.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" c={entry.points < 0 ? 'red' : 'teal'}>
                {points(entry.points, true)}
              </Table.Td>
              <Table.Td ff="monospace">{entry.bookingNumber ?? t('common.empty')}</Table.Td>
              <Table.Td>{entry.earnedOn}</Table.Td>
              <Table.Td>{entry.expiresOn ?? t('common.empty')}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={entry.status === 'pending' ? 'orange' : 'gray'}>
                  {t(`members.ledger.statuses.${entry.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{entry.staffName}</Table.Td>
            </Table.Tr>
          ))}
        />
      )}
    </QueryState>
  );
}
