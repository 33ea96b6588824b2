/** Above every page while this desk does not hold the property key: admins are pointed to the unlock form, others to an admin. */
import { Alert, Anchor } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { hrefOf } from '../shell/router';
import { useCall } from '../../api/use-call';

export function VaultLockedAlert() {
  const { t } = useTranslation();
  const can = useCan();
  const status = useCall('vault.status', {});
  if (status.data?.state !== 'locked') return null;
  return (
    <Alert color="orange" icon={<IconKey size={18} />} mb="md" data-testid="vault-locked-alert">
      {t('vault.lockedBanner')}{' '}
      {can('vault.manage') ? (
        <Anchor href={hrefOf('settings')} data-testid="vault-locked-unlock">
          {t('vault.lockedBannerAction')}
        </Anchor>
      ) : (
        t('vault.lockedBannerAsk')
      )}
    </Alert>
  );
}
