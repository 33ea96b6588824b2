/**
 * The home screen, one per role (home.today): the front desk sees the day's arrivals and
 * departures with what is left to do and their own tasks; supervisors, directors and general
 * managers see occupancy and what waits for them, then the desk's counts and their own tasks;
 * administrators see backups, sync and staff. Above it, who is at the desk and the date (with the
 * business date beside it while the two differ, and a warning while night audits are behind);
 * below, the contracts expiring and this desk's facts. It stays current without polling: the query
 * is read again after any mutation that changes bookings, complaints or approvals, and on the
 * host's sync and approval events (@shared/contract/invalidations, events).
 */
import type { ReactNode } from 'react';
import { Alert, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeToday } from '@shared/contract/home';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../i18n/errors';
import { useSession } from '../../api/session';
import { useCall } from '../../api/use-call';
import { BusinessDayBadge, BusinessDayLagAlert, useBusinessDayStatus } from '../bookings/business-day';
import { ExpiringTile } from '../archive/ExpiringTile';
import { DeskToday } from './DeskToday';
import { HouseStatus } from './HouseStatus';
import { ManagerOverview } from './ManagerOverview';
import { MyTasks } from './MyTasks';

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={600} mt={2} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function Today({ home, staffId }: { home: HomeToday; staffId: string }) {
  const desk = home.desk && <DeskToday desk={home.desk} withLists={home.layout === 'desk'} />;
  const tasks = home.tasks && <MyTasks tasks={home.tasks} staffId={staffId} />;
  if (home.layout === 'admin') return home.house && <HouseStatus house={home.house} />;
  if (home.layout === 'manager')
    return (
      <>
        {home.overview && <ManagerOverview overview={home.overview} />}
        {desk}
        {tasks}
      </>
    );
  return (
    <>
      {desk}
      {tasks}
    </>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const { user, property, desk } = useSession();
  const format = useFormat();
  const businessDay = useBusinessDayStatus();
  const home = useCall('home.today', {});
  return (
    <Stack gap="lg" maw={1100} data-testid={home.data && `home-layout-${home.data.layout}`}>
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
      {home.isPending && <Loader size="sm" />}
      {home.isError && <Alert color="red">{message(home.error)}</Alert>}
      {home.data && <Today home={home.data} staffId={user.id} />}
      <ExpiringTile />
      <div>
        <Text fw={600} mb="xs" size="sm" c="dimmed">
          {t('home.about')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
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
      </div>
    </Stack>
  );
}
