/** A stay's nightly prices and their total, as quoted at intake and kept on the booking. */
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NightPrice } from '@shared/rules/pricing';
import { useMoney } from '../../ui/money';
import { useStayFormat } from './stay-format';

export function NightsTable({ nights, totalFen, testId }: { nights: NightPrice[]; totalFen: number; testId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const stay = useStayFormat();
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('desk.intake.night')}</Table.Th>
          <Table.Th ta="right">{t('desk.intake.price')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {nights.map((n) => (
          <Table.Tr key={n.night}>
            <Table.Td>{stay.date(n.night)}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {money(n.priceFen)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('desk.intake.total')}</Table.Th>
          <Table.Th ta="right" ff="monospace" data-testid={`${testId}-total`}>
            {money(totalFen)}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
