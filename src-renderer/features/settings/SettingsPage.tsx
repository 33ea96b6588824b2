/** Settings: the property form, the complaint policy and the archive policy (settings.manage), the central server, keys and recovery (vault.manage) and backups (backup.manage); permissioned parts shown only with their permission. */
import type { ReactNode } from 'react';
import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../api/session';
import { ArchivePolicyEditor } from '../archive/PolicyEditor';
import { ComplaintPolicyPanel } from '../complaints/ComplaintPolicyPanel';
import { PageHeader } from '../../ui/PageHeader';
import { SyncSettings } from '../sync/SyncSettings';
import { VaultSection } from '../vault/VaultSection';
import { BackupsSection } from './BackupsSection';
import { PropertyForm } from './PropertyForm';

function SettingsCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Title order={3} size="h4" mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { property } = useSession();
  const can = useCan();
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('settings.title')} />
      {can('settings.manage') && (
        <SettingsCard title={t('settings.propertyTitle')} testId="settings-property">
          <PropertyForm key={property.id} property={property} />
        </SettingsCard>
      )}
      {can('settings.manage') && (
        <SettingsCard title={t('complaints.policy.title')} testId="settings-complaint-policy">
          <ComplaintPolicyPanel />
        </SettingsCard>
      )}
      {can('settings.manage') && (
        <SettingsCard title={t('archive.policy.title')} testId="settings-archive-policy">
          <ArchivePolicyEditor />
        </SettingsCard>
      )}
      <SettingsCard title={t('sync.settings.title')} testId="settings-sync">
        <SyncSettings />
      </SettingsCard>
      {can('vault.manage') && (
        <SettingsCard title={t('vault.title')} testId="settings-vault">
          <VaultSection />
        </SettingsCard>
      )}
      {can('backup.manage') && (
        <SettingsCard title={t('settings.backupsTitle')} testId="settings-backups">
          <BackupsSection />
        </SettingsCard>
      )}
    </Stack>
  );
}
