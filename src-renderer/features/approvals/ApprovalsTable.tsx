/** A list of approval requests; a row opens the request's history. */
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '@shared/contract';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { ApprovalSummaryCell } from './ApprovalSummary';
import { useAwaitingText } from './awaiting-text';
import { useMoney } from '../../ui/money';
import { paperworkOverdue, useRequestLabels } from './request-labels';
import { StatusBadge } from './StatusBadge';

const COLUMNS = [
  'approvals.time',
  'approvals.operation',
  'approvals.subject',
  'approvals.amount',
  'approvals.requester',
  'approvals.status',
  'approvals.awaiting',
] as const;

function Awaiting({ request, overdue }: { request: ApprovalRequest; overdue: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const awaitingText = useAwaitingText();
  const lines = request.status === 'pending' ? awaitingText(request.awaiting) : [];
  if (request.emergency && request.paperworkDoneAt === null && request.paperworkDueAt) {
    lines.push(
      t(overdue ? 'approvals.paperworkOverdue' : 'approvals.paperworkDue', {
        at: format.dateTime(request.paperworkDueAt),
      }),
    );
  }
  if (lines.length === 0) return <>{t('common.empty')}</>;
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="sm" c="inherit">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

export function ApprovalsTable({
  requests,
  loadedAt,
  onOpen,
}: {
  requests: ApprovalRequest[];
  loadedAt: number;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const labels = useRequestLabels();
  return (
    <DataTable
      minWidth={1000}
      data-testid="approvals-table"
      columns={COLUMNS.map((column) => t(column))}
      emptyText={t('approvals.empty')}
      rows={requests.map((request) => {
        const overdue = paperworkOverdue(request, loadedAt);
        return (
          <Table.Tr
            key={request.id}
            onClick={() => onOpen(request.id)}
            style={{ cursor: 'pointer' }}
            c={overdue ? 'red' : undefined}
            data-overdue={overdue || undefined}
            data-testid="approval-row"
          >
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(request.createdAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.operation(request.operation)}</Table.Td>
            <Table.Td>
              <ApprovalSummaryCell summary={request.summary} fallback={labels.subject(request.subject.label)} />
            </Table.Td>
            <Table.Td ta="right">{request.amountFen === null ? t('common.empty') : money(request.amountFen)}</Table.Td>
            <Table.Td>{labels.person(request.requester)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StatusBadge status={request.status} />
            </Table.Td>
            <Table.Td>
              <Awaiting request={request} overdue={overdue} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    />
  );
}
