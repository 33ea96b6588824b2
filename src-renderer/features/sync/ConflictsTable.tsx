/** One tab of the conflicts page: open ones with 处理 for supervisors, resolved ones with how, why, who and when. */
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '@shared/contract';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { useCan } from '../../api/session';
import { openBooking } from '../bookings/overlays';
import { useConflictText } from './use-conflict-text';
import { useCall } from '../../api/use-call';

interface ConflictsTableProps {
  status: ConflictView['status'];
  onResolve: (conflict: ConflictView) => void;
}

export function ConflictsTable({ status, onResolve }: ConflictsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useConflictText();
  const can = useCan();
  const conflicts = useCall('conflicts.list', { status: status });
  const open = status === 'open';
  const resolvable = open && can('conflicts.resolve');
  const columns = [
    t('sync.conflicts.kind'),
    t('sync.conflicts.subject'),
    t('sync.conflicts.detail'),
    t('sync.conflicts.desk'),
    t('sync.conflicts.created'),
  ];
  if (!open) columns.push(t('sync.conflicts.resolution'), t('sync.conflicts.resolvedBy'));
  if (resolvable) columns.push(t('common.actions'));
  return (
    <QueryState query={conflicts}>
      {(list) => (
        <DataTable
          minWidth={open ? 820 : 1040}
          data-testid={`conflicts-${status}`}
          columns={columns}
          emptyText={t(open ? 'sync.conflicts.emptyOpen' : 'sync.conflicts.emptyResolved')}
          rows={list.map((conflict) => (
            <Table.Tr key={conflict.id} data-testid={`conflict-${conflict.id}`}>
              <Table.Td>
                <Badge
                  variant="light"
                  color={open ? 'red' : 'gray'}
                  radius="sm"
                  style={{ overflow: 'visible' }}
                  styles={{ label: { overflow: 'visible' } }}
                >
                  {t(`sync.conflicts.kinds.${conflict.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {conflict.subjectType === 'booking' ? (
                  <Anchor
                    component="button"
                    size="sm"
                    fw={600}
                    style={{ whiteSpace: 'nowrap' }}
                    onClick={() => openBooking(conflict.subjectId)}
                  >
                    {conflict.subjectLabel}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {conflict.subjectLabel}
                  </Text>
                )}
                {conflict.guestName && (
                  <Text size="xs" c="dimmed">
                    {conflict.guestName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td miw={240}>
                <Text size="sm">{text.detail(conflict)}</Text>
                {text.outcome(conflict) && (
                  <Text size="xs" c="dimmed">
                    {text.outcome(conflict)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {text.desk(conflict) ?? t('common.empty')}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(conflict.createdAt)}</Table.Td>
              {!open && (
                <>
                  <Table.Td>
                    {conflict.resolution && t(`sync.resolve.options.${conflict.resolution}`)}
                    {conflict.resolutionNote && (
                      <Text size="xs" c="dimmed">
                        {conflict.resolutionNote}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {conflict.resolvedAt && (
                      <>
                        <Text size="sm">{conflict.resolvedByName ?? t('common.empty')}</Text>
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {format.dateTime(conflict.resolvedAt)}
                        </Text>
                      </>
                    )}
                  </Table.Td>
                </>
              )}
              {resolvable && (
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onResolve(conflict)}
                    data-testid="conflict-resolve"
                  >
                    {t('sync.resolve.button')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        />
      )}
    </QueryState>
  );
}
