/**
 * 工作记录: each desk's archived months (submitted reports, the audit trail), newest first, with
 * their retention; past it a record is marked and its manager may ask for its deletion (held for
 * approval). The manager may also archive a finished month by hand (the desk does it itself after
 * each month ends).
 */
import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconTrash } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { ArchiveDocumentSummary } from '@shared/contract/archive';
import { useCan } from '../../api/session';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';
import { FileActions } from './FileActions';
import { MonthField } from '../../ui/MonthField';

export function RecordsTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const records = useCall('archive.listRecords', {});
  const [held, setHeld] = useState<HeldOperation | null>(null);
  return (
    <Stack gap="md">
      {can('archive.records.manage') && <ArchiveMonth />}
      <QueryState query={records}>
        {(list) => (
          <DataTable
            minWidth={980}
            data-testid="archive-records"
            columns={[
              t('archive.records.columns.period'),
              t('archive.records.columns.kind'),
              t('archive.records.columns.desk'),
              t('archive.records.columns.size'),
              t('archive.records.columns.retainUntil'),
              t('common.actions'),
            ]}
            emptyText={t('archive.records.empty')}
            rows={list.flatMap((document) =>
              document.record
                ? [
                    <Table.Tr
                      key={document.id}
                      data-testid={`archive-record-${document.record.period}-${document.record.kind}`}
                    >
                      <Table.Td>
                        <Text size="sm" fw={500} style={{ cursor: 'pointer' }} onClick={() => onOpen(document.id)}>
                          {document.record.period}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`archive.records.kinds.${document.record.kind}`)}</Table.Td>
                      <Table.Td ff="monospace">{document.record.deskCode}</Table.Td>
                      <Table.Td>{format.bytes(document.latest.size)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm">{document.record.retainUntil}</Text>
                          {document.record.pastRetention && (
                            <Badge color="orange" variant="light" data-testid="archive-record-past">
                              {t('archive.records.pastRetention')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <FileActions
                            file={document.latest}
                            name={t('archive.records.name', {
                              period: document.record.period,
                              kind: t(`archive.records.kinds.${document.record.kind}`),
                              desk: document.record.deskCode,
                            })}
                            mayRead
                            testId={`archive-record-file-${document.record.period}-${document.record.kind}`}
                          />
                          {can('archive.records.manage') && document.record.pastRetention && (
                            <DeleteRecord document={document} onHeld={setHeld} />
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>,
                  ]
                : [],
            )}
          />
        )}
      </QueryState>
      <ApprovalRequestDialog
        held={held}
        onClose={() => setHeld(null)}
        onExecuted={() => notifications.show({ color: 'teal', message: t('archive.records.deleted') })}
      />
    </Stack>
  );
}

function DeleteRecord({
  document,
  onHeld,
}: {
  document: ArchiveDocumentSummary;
  onHeld: (held: HeldOperation) => void;
}) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const remove = useMutate('archive.records.delete', {
    onSuccess: () => notifications.show({ color: 'teal', message: t('archive.records.deleted') }),
    onError: (thrown, input) => {
      const next = heldFrom(thrown, 'archive.records.delete', input, document.name);
      if (next) onHeld(next);
      else notifications.show({ color: 'red', message: message(thrown) });
    },
  });
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      leftSection={<IconTrash size={14} />}
      loading={remove.isPending}
      onClick={() => remove.mutate({ id: document.id })}
      data-testid="archive-record-delete"
    >
      {t('archive.records.delete')}
    </Button>
  );
}

/** 归档月份: a finished month's records archived now rather than waiting for the desk's own run. */
function ArchiveMonth() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const { zone } = useFormat();
  const [month, setMonth] = useState(() =>
    (zone ? DateTime.now().setZone(zone) : DateTime.now()).minus({ months: 1 }).toFormat('yyyy-MM'),
  );
  const archive = useMutate('archive.records.archiveMonth', {
    onSuccess: (records) =>
      notifications.show({ color: 'teal', message: t('archive.records.archived', { count: records.length, month }) }),
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });
  return (
    <Group align="flex-end">
      <MonthField
        w={170}
        label={t('archive.records.month')}
        value={month}
        onChange={setMonth}
        data-testid="archive-records-month"
      />
      <Button
        variant="light"
        leftSection={<IconArchive size={16} />}
        loading={archive.isPending}
        disabled={!/^\d{4}-\d{2}$/.test(month)}
        onClick={() => archive.mutate({ month })}
        data-testid="archive-records-archive"
      >
        {t('archive.records.archiveMonth')}
      </Button>
    </Group>
  );
}
