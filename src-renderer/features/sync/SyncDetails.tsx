/** The header popover: the connection's facts, sync now, and the mutations the server refused. */
import { Button, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/contract';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { useRequestLabels } from '../approvals/request-labels';
import { useMutate } from '../../api/use-call';
import { SyncStatusFacts } from './SyncStatusFacts';
import { useSyncText } from './sync-text';

export function SyncDetails({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const syncNow = useMutate('sync.now');
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={4} size="h5">
          {t('sync.details')}
        </Title>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          disabled={!status.enrolled || status.upgradeRequired}
          loading={syncNow.isPending || status.syncing}
          onClick={() =>
            syncNow.mutate(undefined, {
              onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
            })
          }
          data-testid="sync-now"
        >
          {t('sync.syncNow')}
        </Button>
      </Group>
      <SyncStatusFacts status={status} />
      {status.rejections.length > 0 && <Rejections rejections={status.rejections} />}
    </>
  );
}

function Rejections({ rejections }: { rejections: SyncStatus['rejections'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useSyncText();
  const labels = useRequestLabels();
  return (
    <>
      <Text size="sm" fw={600} mt="md" mb={4}>
        {t('sync.rejections.title')}
      </Text>
      <DataTable
        minWidth={440}
        fz="xs"
        verticalSpacing={4}
        data-testid="sync-rejections"
        columns={[t('sync.rejections.operation'), t('sync.rejections.reason'), t('sync.rejections.time')]}
        emptyText=""
        rows={rejections.map((rejection) => (
          <Table.Tr key={rejection.seq}>
            <Table.Td>{labels.operation(rejection.name)}</Table.Td>
            <Table.Td>
              {text.rejectionReason(rejection.reason)}
              {rejection.detail && (
                <Text size="xs" c="dimmed">
                  {rejection.detail}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(rejection.at)}</Table.Td>
          </Table.Tr>
        ))}
      />
    </>
  );
}
