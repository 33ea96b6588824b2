/**
 * What waits for the signed-in person on the home screen: their complaints (hand-overs offered to
 * them first, then overdue and due soon) with the clocks that are running, and the satisfaction
 * call-backs to make before the day ends. Each opens its list.
 */
import { Badge, Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeTasks } from '@shared/contract/home';
import { callBy } from '@shared/rules/callbacks';
import { useFormat } from '../../i18n/format';
import { ClockBadges } from '../complaints/ClockBadges';
import { homeLinks } from './links';
import { ListOrEmpty } from './ListOrEmpty';
import { CardHeading } from './StatTile';

function Chip({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <Badge variant={value > 0 ? 'light' : 'outline'} color={value > 0 ? color : 'gray'} data-testid={testId}>
      {label} {value}
    </Badge>
  );
}

export function MyTasks({ tasks, staffId }: { tasks: HomeTasks; staffId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { complaints, callbacks } = tasks;
  return (
    <Stack gap="sm" data-testid="home-tasks">
      <Text fw={600}>{t('home.tasks.title')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Card withBorder padding="sm" data-testid="home-complaints">
          <CardHeading
            title={
              <>
                {t('home.tasks.complaints')} · <span data-testid="home-complaints-mine">{complaints.count}</span>
              </>
            }
            href={homeLinks.complaints('mine')}
            linkText={t('home.open')}
          />
          <Group gap={6} mb="xs">
            <Chip label={t('home.tasks.offered')} value={tasks.offeredToMe} color="blue" testId="home-offered" />
            <Chip label={t('home.tasks.overdue')} value={tasks.overdue} color="red" testId="home-my-overdue" />
            <Chip label={t('home.tasks.dueSoon')} value={tasks.dueSoon} color="orange" testId="home-my-due-soon" />
          </Group>
          <ListOrEmpty empty={complaints.items.length === 0} emptyText={t('home.tasks.complaintsEmpty')}>
            {complaints.items.map((complaint) => (
              <UnstyledButton
                key={complaint.id}
                component="a"
                href={homeLinks.complaint('mine', complaint.id)}
                data-testid={`home-complaint-${complaint.number}`}
              >
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {complaint.number}
                  </Text>
                  <Text size="sm" truncate>
                    {complaint.guestName ?? ''}
                  </Text>
                  {complaint.pendingOwner?.id === staffId && (
                    <Badge size="sm" color="blue">
                      {t('home.tasks.offeredBadge')}
                    </Badge>
                  )}
                </Group>
                <ClockBadges complaint={complaint} />
              </UnstyledButton>
            ))}
          </ListOrEmpty>
        </Card>
        <Card withBorder padding="sm" data-testid="home-callbacks">
          <CardHeading
            title={
              <>
                {t('home.tasks.callbacks')} · <span data-testid="home-callbacks-count">{callbacks.count}</span>
              </>
            }
            href={homeLinks.callbacksToday()}
            linkText={t('home.open')}
          />
          <ListOrEmpty empty={callbacks.items.length === 0} emptyText={t('home.tasks.callbacksEmpty')}>
            {callbacks.items.map((task) => (
              <UnstyledButton
                key={task.id}
                component="a"
                href={homeLinks.callbacksToday()}
                data-testid={`home-callback-${task.id}`}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" truncate>
                    {task.guestName ?? ''}
                    <Text span size="xs" c="dimmed" ml="xs">
                      {task.bookingNumber ?? task.complaintNumber ?? ''}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('home.tasks.callBy', { at: format.minute(callBy(task)) })}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </ListOrEmpty>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
