/** In the header, for those who manage backups: the second copy is overdue (older than the policy's days) or was never made. */
import { Badge, Tooltip } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { hrefOf } from '../shell/router';

/** The copy ages while the desk stays open: looked at again every half hour. */
const RECHECK_MS = 30 * 60 * 1000;

export function SecondCopyWarning() {
  const { t } = useTranslation();
  const status = useCall('backup.status', {}, { refetchInterval: RECHECK_MS });
  const second = status.data?.second;
  if (!second?.overdue) return null;
  return (
    <Tooltip label={t('backups.warningHint', { days: second.maxDays })} multiline w={320} withArrow>
      <Badge
        component="a"
        href={hrefOf('settings')}
        color="orange"
        variant="light"
        radius="sm"
        leftSection={<IconDeviceFloppy size={14} />}
        style={{ cursor: 'pointer' }}
        data-testid="second-copy-warning"
      >
        {second.lastCopyAt ? t('backups.warning') : t('backups.warningNever')}
      </Badge>
    </Tooltip>
  );
}
