/**
 * The front desk, where agents spend the day: the business date (with the calendar's beside it
 * when they differ), today's arrivals, departures and in-house guests, the new-booking button
 * (N anywhere) and, for those allowed, the night audit. The list shown lives in the hash
 * (`#/desk?tab=departures`), so the home screen's counts open their own list.
 */
import { Alert, Badge, Button, Group, Kbd, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../../api/session';
import { BusinessDayLagAlert, useBusinessDayStatus, useMonthDay } from './business-day';
import { DayTable } from './DayTable';
import { NightAuditButton } from './NightAuditButton';
import { openIntake } from './overlays';
import { useStayFormat } from './stay-format';
import { useCall } from '../../api/use-call';
import { setHashParams, useHashParam } from '../shell/router';

const LISTS = ['arrivals', 'departures', 'inHouse'] as const;

export function DeskPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const can = useCan();
  const stay = useStayFormat();
  const day = useCall('bookings.day', {});
  const status = useBusinessDayStatus();
  const monthDay = useMonthDay();
  const tabParam = useHashParam('tab');
  const tab = LISTS.find((list) => list === tabParam) ?? 'arrivals';

  return (
    <Stack gap="md">
      <PageHeader title={t('desk.title')}>
        {can('bookings.manage') && (
          <Button
            leftSection={<IconPlus size={16} />}
            rightSection={<Kbd size="xs">N</Kbd>}
            onClick={openIntake}
            data-testid="desk-new-booking"
          >
            {t('desk.newBooking')}
          </Button>
        )}
        {can('nightAudit.run') && status.data && <NightAuditButton status={status.data} />}
      </PageHeader>
      {day.data && (
        <Group gap="xs" mt={-8}>
          <Text c="dimmed" data-testid="desk-business-date">
            {t('desk.businessDate', { date: stay.long(day.data.businessDate) })}
          </Text>
          {status.data && status.data.calendarDate !== day.data.businessDate && (
            <Text c="orange" size="sm" data-testid="desk-calendar-date">
              {t('desk.businessDay.calendar', { date: monthDay(status.data.calendarDate) })}
            </Text>
          )}
        </Group>
      )}
      {status.data && <BusinessDayLagAlert status={status.data} testId="desk-business-lag" />}
      {day.isPending && <Loader size="sm" />}
      {day.isError && <Alert color="red">{message(day.error)}</Alert>}
      {day.data && (
        <Tabs value={tab} onChange={(value) => setHashParams({ tab: value })} keepMounted={false}>
          <Tabs.List>
            {LISTS.map((list) => (
              <Tabs.Tab
                key={list}
                value={list}
                rightSection={
                  <Badge size="sm" variant="light" color="gray">
                    {day.data[list].length}
                  </Badge>
                }
                data-testid={`desk-tab-${list}`}
              >
                {t(`desk.tabs.${list}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {LISTS.map((list) => (
            <Tabs.Panel key={list} value={list} pt="sm">
              <DayTable bookings={day.data[list]} emptyText={t(`desk.empty.${list}`)} testId={`desk-list-${list}`} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
