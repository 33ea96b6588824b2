/**
 * 中心服务器 in settings: before enrolment, the enrolment form (sync.manage) or a note to ask an
 * administrator; after it, what enrolment did and the connection's facts, and for sync.manage a
 * way to connect again (after a revoke, a restore, or to move to https://). Either form asks the
 * administrator's password again.
 */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { useCan } from '../../api/session';
import { EnrolForm, type EnrolMode } from './EnrolForm';
import { SyncStatusFacts } from './SyncStatusFacts';
import { useCall } from '../../api/use-call';

export function SyncSettings() {
  const { t } = useTranslation();
  const can = useCan();
  const status = useCall('sync.status', {});
  const [enrolled, setEnrolled] = useState<EnrolMode | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const onEnrolled = (mode: EnrolMode) => {
    setEnrolled(mode);
    setReconnecting(false);
  };
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
            <>
              <SyncStatusFacts status={data} />
              {can('sync.manage') &&
                (reconnecting ? (
                  <Stack gap="xs">
                    <EnrolForm confirmPassword onEnrolled={onEnrolled} />
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        onClick={() => setReconnecting(false)}
                        data-testid="sync-reconnect-cancel"
                      >
                        {t('common.cancel')}
                      </Button>
                    </Group>
                  </Stack>
                ) : (
                  <Group>
                    <Button
                      variant="light"
                      leftSection={<IconPlugConnected size={16} />}
                      onClick={() => setReconnecting(true)}
                      data-testid="sync-reconnect"
                    >
                      {t('sync.settings.reconnect')}
                    </Button>
                  </Group>
                ))}
            </>
          ) : can('sync.manage') ? (
            <EnrolForm confirmPassword onEnrolled={onEnrolled} />
          ) : (
            <Text size="sm">{t('sync.settings.notEnrolled')}</Text>
          )
        }
      </QueryState>
    </Stack>
  );
}
