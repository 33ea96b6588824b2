/**
 * An administrator's home: this desk's backups and their second copy, its link to the central
 * server, and the staff accounts — each opening the page where it is looked after.
 */
import type { ReactNode } from 'react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeHouse } from '@shared/contract/home';
import { useFormat } from '../../i18n/format';
import { hrefOf } from '../shell/router';

function Panel({
  title,
  href,
  testId,
  children,
}: {
  title: string;
  href: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <UnstyledButton component="a" href={href} data-testid={testId} h="100%">
      <Card withBorder padding="sm" h="100%">
        <Text fw={600} mb="xs">
          {title}
        </Text>
        <Stack gap={4}>{children}</Stack>
      </Card>
    </UnstyledButton>
  );
}

function Line({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Group>
  );
}

export function HouseStatus({ house }: { house: HomeHouse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { backups, sync, staff } = house;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" data-testid="home-house">
      {backups && (
        <Panel title={t('home.house.backups')} href={hrefOf('settings')} testId="home-backups">
          <Line label={t('home.house.latestBackup')} testId="home-backup-latest">
            {backups.latest ? format.dateTime(backups.latest.at) : <Text c="red">{t('home.house.noBackup')}</Text>}
          </Line>
          <Text size="xs" c="dimmed">
            {t('home.house.backupCount', { count: backups.count })}
          </Text>
          <Line label={t('home.house.secondCopy')} testId="home-backup-second">
            {backups.second.folder === null ? (
              <Badge color="orange">{t('home.house.secondOff')}</Badge>
            ) : backups.second.lastCopyAt === null ? (
              <Badge color="red">{t('home.house.secondNever')}</Badge>
            ) : backups.second.overdue ? (
              <Badge color="red">{t('home.house.secondOverdue', { days: backups.second.maxDays })}</Badge>
            ) : (
              t('home.house.secondOk', { at: format.dateTime(backups.second.lastCopyAt) })
            )}
          </Line>
        </Panel>
      )}
      {sync && (
        <Panel title={t('home.house.sync')} href={hrefOf('settings')} testId="home-sync">
          {!sync.enrolled ? (
            <Text size="sm" c="orange" data-testid="home-sync-state">
              {t('home.house.notEnrolled')}
            </Text>
          ) : (
            <>
              <Group gap="xs">
                <Badge
                  color={sync.online === null ? 'gray' : sync.online ? 'teal' : 'red'}
                  data-testid="home-sync-state"
                >
                  {t(
                    sync.online === null
                      ? 'home.house.unknown'
                      : sync.online
                        ? 'home.house.online'
                        : 'home.house.offline',
                  )}
                </Badge>
              </Group>
              <Text size="sm">
                {sync.lastSyncAt
                  ? t('home.house.lastSync', { at: format.dateTime(sync.lastSyncAt) })
                  : t('home.house.neverSynced')}
              </Text>
              <Text size="sm" c={sync.pendingCount > 0 ? 'orange' : 'dimmed'}>
                {t('home.house.pending', { count: sync.pendingCount })}
              </Text>
              <Text size="sm" c={sync.openConflicts > 0 ? 'red' : 'dimmed'}>
                {t('home.house.conflicts', { count: sync.openConflicts })}
              </Text>
            </>
          )}
        </Panel>
      )}
      {staff && (
        <Panel title={t('home.house.staff')} href={hrefOf('staff')} testId="home-staff">
          <Line label={t('home.house.active')} testId="home-staff-active">
            {staff.active}
          </Line>
          <Line label={t('home.house.inactive')} testId="home-staff-inactive">
            {staff.inactive}
          </Line>
          <Line label={t('home.house.lockedOut')} testId="home-staff-locked">
            <Text span c={staff.lockedOut > 0 ? 'red' : undefined}>
              {staff.lockedOut}
            </Text>
          </Line>
        </Panel>
      )}
    </SimpleGrid>
  );
}
