/** A ticket order as sold: its number (what the gate scans or types), the visit and the visitors; a complaint about it opens here. */
import { useState, type ReactNode } from 'react';
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketOrder } from '@shared/contract';
import { useDayFormat } from '../inventory/day-format';
import { useCan } from '../../api/session';
import { useMoney } from '../../ui/money';
import { ComplaintModal } from '../complaints/ComplaintTicket';
import { OpenComplaint } from '../complaints/OpenComplaint';

interface OrderSummaryProps {
  order: TicketOrder;
  testId: string;
  /** Replaces the plain name cell, e.g. with a check box at the gate. */
  visitorCell?: (visitor: TicketOrder['visitors'][number]) => ReactNode;
}

export function OrderSummary({ order, testId, visitorCell }: OrderSummaryProps) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const money = useMoney();
  const can = useCan();
  const [complaint, setComplaint] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('inventory.tickets.orderNumber')}
          </Text>
          <Text fw={700} ff="monospace" fz="lg" data-testid={`${testId}-number`}>
            {order.number}
          </Text>
          {order.status === 'cancelled' && <Badge color="red">{t('inventory.tickets.cancelled')}</Badge>}
        </Group>
        <Group gap="sm">
          {can('complaints.handle') && (
            <OpenComplaint size="xs" subject={{ ticketOrderId: order.id }} onOpened={setComplaint} />
          )}
          <Text fw={600}>{money(order.totalFen)}</Text>
        </Group>
      </Group>
      <ComplaintModal id={complaint} onClose={() => setComplaint(null)} />
      <Text size="sm" mb="xs">
        {t('inventory.tickets.visit', {
          product: order.productName,
          date: day.long(order.visitDate),
          from: order.slot.startTime,
          to: order.slot.endTime,
        })}
      </Text>
      <Table verticalSpacing={4} data-testid={`${testId}-visitors`}>
        <Table.Tbody>
          {order.visitors.map((visitor) => (
            <Table.Tr key={visitor.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{visitorCell ? visitorCell(visitor) : visitor.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`inventory.idTypes.${visitor.idType}`)}</Table.Td>
              <Table.Td ff="monospace">{visitor.idNumber}</Table.Td>
              <Table.Td>
                {visitor.redeemedAt && (
                  <Badge color="gray" variant="light">
                    {t('inventory.tickets.used')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
