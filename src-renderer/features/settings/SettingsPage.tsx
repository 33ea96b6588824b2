/** Settings: the property form (settings.manage), the central server and backups (backup.manage); permissioned parts shown only with their permission. */
import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../auth/session';
import { PageHeader } from '../../ui/PageHeader';
import { SyncSettings } from '../sync/SyncSettings';
import { VaultSection } from '../vault/VaultSection';
import { BackupsSection } from './BackupsSection';
import { PropertyForm } from './PropertyForm';

export function SettingsPage() {
  const { t } = useTranslation();
  const { property } = useSession();
  const can = useCan();
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('settings.title')} />
      {can('settings.manage') && (
        <Card withBorder padding="lg" data-testid="settings-property">
          <Title order={3} size="h4" mb="md">
            {t('settings.propertyTitle')}
          </Title>
          <PropertyForm key={property.id} property={property} />
        </Card>
      )}
      <Card withBorder padding="lg" data-testid="settings-sync">
        <Title order={3} size="h4" mb="md">
          {t('sync.settings.title')}
        </Title>
        <SyncSettings />
      </Card>
      {can('vault.manage') && (
        <Card withBorder padding="lg" data-testid="settings-vault">
          <Title order={3} size="h4" mb="md">
            {t('vault.title')}
          </Title>
          <VaultSection />
        </Card>
      )}
      {can('backup.manage') && (
        <Card withBorder padding="lg" data-testid="settings-backups">
          <Title order={3} size="h4" mb="md">
            {t('settings.backupsTitle')}
          </Title>
          <BackupsSection />
        </Card>
      )}
    </Stack>
  );
}
