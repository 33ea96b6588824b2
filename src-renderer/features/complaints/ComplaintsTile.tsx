/** The home screen's complaints tile: what falls due today, what is overdue or due soon, what awaits this supervisor, the call-backs to make today. */
import { Card, Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { useCall } from '../../api/use-call';
import { hrefOf } from '../shell/router';

function Count({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={value > 0 ? color : undefined} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function ComplaintsTile() {
  const can = useCan();
  if (!can('complaints.handle')) return null;
  return <Tile />;
}

function Tile() {
  const { t } = useTranslation();
  const counts = useCall('complaints.counts', {});
  if (!counts.data) return null;
  const { dueToday, overdue, dueSoon, awaitingSupervisor, mine, callbacksDueToday } = counts.data;
  return (
    <UnstyledButton component="a" href={hrefOf('complaints')} data-testid="home-complaints">
      <Card withBorder padding="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('complaints.tile.title')}</Text>
        </Group>
        <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs">
          <Count label={t('complaints.tile.dueToday')} value={dueToday} color="orange" testId="tile-due-today" />
          <Count label={t('complaints.tile.overdue')} value={overdue} color="red" testId="tile-overdue" />
          <Count label={t('complaints.tile.dueSoon')} value={dueSoon} color="orange" testId="tile-due-soon" />
          <Count
            label={t('complaints.tile.awaiting')}
            value={awaitingSupervisor}
            color="orange"
            testId="tile-awaiting"
          />
          <Count label={t('complaints.tile.mine')} value={mine} color="blue" testId="tile-mine" />
          <Count
            label={t('complaints.tile.callbacks')}
            value={callbacksDueToday}
            color="orange"
            testId="tile-callbacks"
          />
        </SimpleGrid>
      </Card>
    </UnstyledButton>
  );
}
