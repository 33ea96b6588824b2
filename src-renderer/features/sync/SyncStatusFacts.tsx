/** The facts of this desk's connection, in the header's popover and the settings section alike. */
import { Alert, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/contract';
import { useFormat } from '../../i18n/format';
import { Fact } from '../../ui/Fact';
import { progressPercent, useSyncText } from './sync-text';

export function SyncStatusFacts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useSyncText();
  const when = (iso: string) => <span title={format.dateTime(iso)}>{text.relative(iso)}</span>;
  return (
    <Stack gap="sm">
      {status.insecure && (
        <Alert color="red" variant="light" title={t('sync.insecure')} data-testid="sync-insecure-note">
          {t('sync.insecureHint')}
        </Alert>
      )}
      {status.progress && (
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t('sync.progress', status.progress)}
          </Text>
          <Progress value={progressPercent(status.progress)} animated />
        </div>
      )}
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Fact label={t('sync.serverUrl')} testId="sync-server-url">
          <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
            {status.serverUrl ?? t('common.empty')}
          </Text>
        </Fact>
        <Fact label={t('sync.deskCode')}>{status.deskCode}</Fact>
        <Fact label={t('sync.lastSync')} testId="sync-last">
          {status.lastSyncAt ? when(status.lastSyncAt) : t('sync.never')}
        </Fact>
        {/* Nothing is attempted before enrolment, whatever the schedule says. */}
        <Fact label={t('sync.nextAttempt')}>
          {status.enrolled && status.nextAttemptAt ? when(status.nextAttemptAt) : t('common.empty')}
        </Fact>
        <Fact label={t('sync.pendingCount')}>{status.pendingCount}</Fact>
        <Fact label={t('sync.openConflicts')}>{status.openConflicts}</Fact>
      </SimpleGrid>
      {status.lastError && (
        <Alert color="orange" variant="light" title={t('sync.lastError')} data-testid="sync-last-error">
          {text.lastError(status.lastError)}
        </Alert>
      )}
    </Stack>
  );
}
