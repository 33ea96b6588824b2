/**
 * A quiet welcome: who is at the desk, which property and desk, and today's date there — with the
 * business date beside it while the two differ, and a warning while night audits are behind.
 */
import type { ReactNode } from 'react';
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../api/session';
import { BusinessDayBadge, BusinessDayLagAlert, useBusinessDayStatus } from '../bookings/business-day';
import { ComplaintsTile } from '../complaints/ComplaintsTile';
import { ExpiringTile } from '../archive/ExpiringTile';

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} mt={4} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user, property, desk } = useSession();
  const format = useFormat();
  const businessDay = useBusinessDayStatus();
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={2} size="h3" data-testid="home-welcome">
          {t('home.welcome', { name: user.displayName })}
        </Title>
        <Group gap="sm" mt={4}>
          <Text c="dimmed" data-testid="home-today">
            {t('home.today')} · {format.today()}
          </Text>
          {businessDay.data && <BusinessDayBadge status={businessDay.data} testId="home-business-date" />}
        </Group>
      </div>
      {businessDay.data && <BusinessDayLagAlert status={businessDay.data} testId="home-business-lag" />}
      <ComplaintsTile />
      <ExpiringTile />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Fact label={t('home.role')} value={t(`roles.${user.role}`)} testId="home-role" />
        <Fact label={t('home.property')} value={property.name} testId="home-property" />
        <Fact label={t('home.desk')} value={desk.code} testId="home-desk" />
        <Fact label={t('home.timeZone')} value={property.timeZone} testId="home-time-zone" />
        <Fact label={t('home.currency')} value={property.currency} testId="home-currency" />
        <Fact
          label={t('home.idleLock')}
          value={t('home.idleLockValue', { minutes: property.idleLockMinutes })}
          testId="home-idle-lock"
        />
      </SimpleGrid>
    </Stack>
  );
}
