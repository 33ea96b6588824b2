/** The home screen's reminder for those who may read contracts: contracts in force expiring within the policy's reminder days, soonest first. */
import { Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarDue } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { useCall } from '../../api/use-call';
import { hrefOf } from '../shell/router';
import { useArchiveToday } from './contract-state';
import { useArchivePolicy } from './use-policy';

export function ExpiringTile() {
  const can = useCan();
  if (!can('archive.contracts.read')) return null;
  return <Tile />;
}

function Tile() {
  const { t } = useTranslation();
  const today = useArchiveToday();
  const policy = useArchivePolicy();
  const expiring = useCall('archive.expiring', {});
  const contracts = (expiring.data ?? []).filter((document) => document.contract?.expiresOn);
  if (contracts.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="home-archive-expiring">
      <Group gap="xs" mb="xs">
        <IconCalendarDue size={18} color="var(--mantine-color-orange-6)" />
        <Text fw={600}>{t('archive.expiring.title', { days: policy.expiryReminderDays })}</Text>
      </Group>
      <Stack gap={4}>
        {contracts.map((document) => {
          const expiresOn = document.contract!.expiresOn!;
          const days = Math.round(DateTime.fromISO(expiresOn).diff(DateTime.fromISO(today), 'days').days);
          return (
            <UnstyledButton
              key={document.id}
              component="a"
              href={`${hrefOf('archive')}?tab=contracts&doc=${document.id}`}
              data-testid={`home-expiring-${document.id}`}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" truncate>
                  {document.name}
                  <Text span size="xs" c="dimmed" ml="xs">
                    {document.contract!.counterparty}
                  </Text>
                </Text>
                <Text size="sm" c={days <= 7 ? 'red' : 'orange'} style={{ whiteSpace: 'nowrap' }}>
                  {expiresOn} ·{' '}
                  {days <= 0 ? t('archive.expiring.today') : t('archive.expiring.daysLeft', { count: days })}
                </Text>
              </Group>
            </UnstyledButton>
          );
        })}
      </Stack>
    </Card>
  );
}
