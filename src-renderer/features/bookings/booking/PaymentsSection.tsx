/** The booking's payments in order, each with the balance left after it (refunds are negative). */
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useFormat } from '../../../i18n/format';
import { DataTable } from '../../../ui/DataTable';
import { useMoney } from '../../../ui/money';

export function PaymentsSection({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const rows = booking.payments.map((payment, i) => {
    const balance = booking.totalFen - booking.payments.slice(0, i + 1).reduce((sum, p) => sum + p.amountFen, 0);
    return (
      <Table.Tr key={payment.id} data-testid="payment-row">
        <Table.Td>{format.dateTime(payment.at)}</Table.Td>
        <Table.Td>
          {t(`desk.paymentKinds.${payment.kind}`)} · {t(`desk.paymentMethods.${payment.method}`)}
        </Table.Td>
        <Table.Td ta="right" ff="monospace">
          {money(payment.amountFen)}
        </Table.Td>
        <Table.Td ta="right" ff="monospace">
          {money(balance)}
        </Table.Td>
        <Table.Td>{payment.reference || t('common.empty')}</Table.Td>
        <Table.Td>{payment.staffName}</Table.Td>
      </Table.Tr>
    );
  });
  const columns = [
    t('desk.pay.time'),
    t('desk.pay.kind'),
    t('desk.pay.amount'),
    t('desk.pay.runningBalance'),
    t('desk.pay.referenceColumn'),
    t('desk.pay.staff'),
  ];
  return (
    <DataTable
      minWidth={560}
      striped={false}
      highlightOnHover={false}
      verticalSpacing={4}
      fz="sm"
      data-testid="payments-table"
      columns={columns.map((column, i) => (
        <Table.Th key={column} ta={i === 2 || i === 3 ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {column}
        </Table.Th>
      ))}
      emptyText={t('desk.pay.empty')}
      rows={rows}
    />
  );
}
