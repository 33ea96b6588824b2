/**
 * A stay's nightly prices and their total, as quoted at intake and kept on the booking. For a
 * cancelled booking the prices are struck through and the total says the nights are not charged,
 * rather than listing ¥468 a night beside a total of ¥0.00 (a penalty is on the cancellation).
 */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NightPrice } from '@shared/rules/pricing';
import { useMoney } from '../../ui/money';
import { useStayFormat } from './stay-format';

interface NightsTableProps {
  nights: NightPrice[];
  totalFen: number;
  testId: string;
  cancelled?: boolean;
}

export function NightsTable({ nights, totalFen, testId, cancelled = false }: NightsTableProps) {
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
            <Table.Td c={cancelled ? 'dimmed' : undefined}>{stay.date(n.night)}</Table.Td>
            <Table.Td ta="right" c={cancelled ? 'dimmed' : undefined} td={cancelled ? 'line-through' : undefined}>
              {money(n.priceFen)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('desk.intake.total')}</Table.Th>
          <Table.Th ta="right" data-testid={`${testId}-total`}>
            {cancelled ? (
              <Text span inherit c="dimmed" data-testid={`${testId}-cancelled`}>
                {t('desk.nightsCancelled')}
              </Text>
            ) : (
              money(totalFen)
            )}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
