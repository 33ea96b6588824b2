/**
 * 中心服务器 in settings: before enrolment, the enrolment form (sync.manage) or a note to ask an
 * administrator; after it, what enrolment did and the connection's facts.
 */
import { useState } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { useCan } from '../auth/session';
import { EnrolForm, type EnrolMode } from './EnrolForm';
import { useSyncStatus } from './sync-queries';
import { SyncStatusFacts } from './SyncStatusFacts';

export function SyncSettings() {
  const { t } = useTranslation();
  const can = useCan();
  const status = useSyncStatus();
  const [enrolled, setEnrolled] = useState<EnrolMode | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('sync.settings.intro')}
      </Text>
      {enrolled && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="sync-enrol-result">
          {t(`sync.settings.modes.${enrolled}`)}
        </Alert>
      )}
      <QueryState query={status}>
        {(data) =>
          data.enrolled ? (
            <SyncStatusFacts status={data} />
          ) : can('sync.manage') ? (
            <EnrolForm onEnrolled={setEnrolled} />
          ) : (
            <Text size="sm">{t('sync.settings.notEnrolled')}</Text>
          )
        }
      </QueryState>
    </Stack>
  );
}
