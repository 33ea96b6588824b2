/**
 * The front desk, where agents spend the day: the business date, today's arrivals, departures and
 * in-house guests, the new-booking button (N anywhere) and, for those allowed, the night audit.
 */
import { Alert, Badge, Button, Kbd, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/session';
import { DayTable } from './DayTable';
import { useBusinessDay } from './desk-queries';
import { NightAuditButton } from './NightAuditButton';
import { openIntake } from './overlays';
import { useStayFormat } from './stay-format';

const LISTS = ['arrivals', 'departures', 'inHouse'] as const;

export function DeskPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const can = useCan();
  const stay = useStayFormat();
  const day = useBusinessDay();

  return (
    <Stack gap="md">
      <PageHeader title={t('desk.title')}>
        {can('reservations.manage') && (
          <Button leftSection={<IconPlus size={16} />} rightSection={<Kbd size="xs">N</Kbd>} onClick={openIntake} data-testid="desk-new-booking">
            {t('desk.newBooking')}
          </Button>
        )}
        {can('nightAudit.run') && day.data && <NightAuditButton businessDate={day.data.businessDate} />}
      </PageHeader>
      {day.data && (
        <Text c="dimmed" mt={-8} data-testid="desk-business-date">
          {t('desk.businessDate', { date: stay.long(day.data.businessDate) })}
        </Text>
      )}
      {day.isPending && <Loader size="sm" />}
      {day.isError && <Alert color="red">{message(day.error)}</Alert>}
      {day.data && (
        <Tabs defaultValue="arrivals" keepMounted={false}>
          <Tabs.List>
            {LISTS.map((list) => (
              <Tabs.Tab
                key={list}
                value={list}
                rightSection={
                  <Badge size="sm" variant="light" color="gray" circle>
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
