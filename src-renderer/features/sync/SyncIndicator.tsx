/**
 * The header's sync badge: the connection state (opening the details), a warning while the link is
 * unencrypted ("insecure, lab only"), what waits to be synced, the open conflicts (a link to their
 * page), and under the state a progress bar while a long catch-up runs.
 */
import { Badge, Group, Loader, Popover, Progress, Stack, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCloudCheck,
  IconCloudOff,
  IconCloudQuestion,
  IconLockOpen,
  IconPlugConnectedX,
  IconShieldX,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../shell/router';
import { SyncDetails } from './SyncDetails';
import { progressPercent, STATE_COLORS, syncState, type SyncState } from './sync-text';
import { useCall } from '../../api/use-call';

const STATE_ICONS: Record<SyncState, Icon> = {
  upgrade: IconAlertTriangle,
  revoked: IconPlugConnectedX,
  insecureRefused: IconShieldX,
  notConnected: IconPlugConnectedX,
  connecting: IconCloudQuestion,
  offline: IconCloudOff,
  online: IconCloudCheck,
};

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useCall('sync.status', {});
  if (!status.data) return null;
  const data = status.data;
  const state = syncState(data);
  const StateIcon = STATE_ICONS[state];
  return (
    <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }} data-testid="sync-indicator" data-state={state}>
      <Stack gap={2}>
        <Popover position="bottom-start" width={480} shadow="md" withinPortal>
          <Popover.Target>
            <Badge
              component="button"
              type="button"
              size="lg"
              radius="sm"
              variant="light"
              color={STATE_COLORS[state]}
              leftSection={data.syncing ? <Loader size={12} color={STATE_COLORS[state]} /> : <StateIcon size={14} />}
              style={{ cursor: 'pointer' }}
              data-testid="sync-state"
            >
              {t(`sync.states.${state}`)}
            </Badge>
          </Popover.Target>
          <Popover.Dropdown>
            <SyncDetails status={data} />
          </Popover.Dropdown>
        </Popover>
        {data.progress && (
          <Tooltip label={t('sync.progress', data.progress)}>
            <Progress size={3} value={progressPercent(data.progress)} animated data-testid="sync-progress" />
          </Tooltip>
        )}
      </Stack>
      {data.insecure && (
        <Tooltip label={t('sync.insecureHint')} multiline w={320}>
          <Badge
            size="lg"
            radius="sm"
            variant="filled"
            color="red"
            leftSection={<IconLockOpen size={14} />}
            data-testid="sync-insecure"
          >
            {t('sync.insecure')}
          </Badge>
        </Tooltip>
      )}
      {data.enrolled && data.pendingCount > 0 && (
        <Badge size="lg" radius="sm" variant="outline" color="gray" data-testid="sync-pending">
          {t('sync.pending', { count: data.pendingCount })}
        </Badge>
      )}
      {data.openConflicts > 0 && (
        <Badge
          component="a"
          href={hrefOf('conflicts')}
          size="lg"
          radius="sm"
          color="red"
          style={{ cursor: 'pointer' }}
          data-testid="sync-conflicts"
        >
          {t('sync.conflictsBadge', { count: data.openConflicts })}
        </Badge>
      )}
    </Group>
  );
}
