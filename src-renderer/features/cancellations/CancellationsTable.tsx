/** Cancellations as rows with a totals line; the list the cancellations page and the reports share. */
import { ActionIcon, Table, Tooltip } from '@mantine/core';
import { IconDiscount } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Cancellation } from '@shared/contract';
import { DataTable } from '../../ui/DataTable';
import { useMoney } from '../../ui/money';
import { useCancelFormat } from './use-cancel-format';
import { useCancellationLabels } from './use-cancellation-labels';

interface CancellationsTableProps {
  cancellations: Cancellation[];
  /** Offers a waiver on rows with a penalty; left out, the table has no actions column. */
  onWaive?: (cancellation: Cancellation) => void;
}

const COLUMNS = [
  'number',
  'subject',
  'guest',
  'arrival',
  'reason',
  'penalty',
  'waived',
  'refund',
  'refundMethod',
  'staff',
  'at',
] as const;
const MONEY_COLUMNS: ReadonlySet<string> = new Set(['penalty', 'waived', 'refund']);

export function CancellationsTable({ cancellations, onWaive }: CancellationsTableProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useCancelFormat();
  const labels = useCancellationLabels();
  const sum = (pick: (c: Cancellation) => number) => cancellations.reduce((total, c) => total + pick(c), 0);

  const columns = [
    ...COLUMNS.map((column) => (
      <Table.Th key={column} ta={MONEY_COLUMNS.has(column) ? 'right' : undefined}>
        {t(`cancellations.page.columns.${column}`)}
      </Table.Th>
    )),
    ...(onWaive ? [<Table.Th key="actions" w={60} />] : []),
  ];

  const rows = cancellations.map((c) => (
    <Table.Tr key={c.id} data-testid={`cancellation-row-${c.number}`}>
      <Table.Td ff="monospace">{c.number}</Table.Td>
      <Table.Td ff="monospace">{c.subject.number}</Table.Td>
      <Table.Td>{c.subject.guestName}</Table.Td>
      <Table.Td>{format.day(c.subject.arrival)}</Table.Td>
      <Table.Td>{labels.reason(c.reason)}</Table.Td>
      <Table.Td ta="right">{money(c.penaltyFen)}</Table.Td>
      <Table.Td ta="right">{money(c.waivedFen)}</Table.Td>
      <Table.Td ta="right">{money(c.refundFen)}</Table.Td>
      <Table.Td>{labels.refundMethod(c.refundMethod)}</Table.Td>
      <Table.Td>{c.staffName}</Table.Td>
      <Table.Td>{format.dateTime(c.at)}</Table.Td>
      {onWaive && (
        <Table.Td>
          {c.penaltyFen > 0 && (
            <Tooltip label={t('cancellations.dialog.waive')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('cancellations.dialog.waive')}
                onClick={() => onWaive(c)}
                data-testid={`cancellation-waive-${c.number}`}
              >
                <IconDiscount size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  ));

  const totals = (
    <Table.Tr key="totals" fw={700} data-testid="cancellations-totals">
      <Table.Td colSpan={5}>{t('cancellations.page.total', { count: cancellations.length })}</Table.Td>
      <Table.Td ta="right">{money(sum((c) => c.penaltyFen))}</Table.Td>
      <Table.Td ta="right">{money(sum((c) => c.waivedFen))}</Table.Td>
      <Table.Td ta="right">{money(sum((c) => c.refundFen))}</Table.Td>
      <Table.Td colSpan={columns.length - 8} />
    </Table.Tr>
  );

  return (
    <DataTable
      minWidth={1200}
      columns={columns}
      emptyText={t('cancellations.page.empty')}
      rows={rows.length > 0 ? [...rows, totals] : []}
      data-testid="cancellations-table"
    />
  );
}
