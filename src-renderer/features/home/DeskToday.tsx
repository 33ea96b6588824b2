/**
 * The day at the desk on the home screen: how many guests are still to check in, to check out and
 * in house, and (for the front desk) the first of each list with the action that deals with it —
 * 入住 and 退房 open the booking's drawer at that action, a click on the row opens the booking.
 */
import { Button, Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingSummary } from '@shared/contract';
import type { HomeDesk, HomeList } from '@shared/contract/home';
import { useLocalNames } from '../../i18n/use-local-names';
import { useMoney } from '../../ui/money';
import { openBooking, type DrawerAction } from '../bookings/overlays';
import { homeLinks } from './links';
import { ListOrEmpty } from './ListOrEmpty';
import { CardHeading, StatTile } from './StatTile';

function BookingRow({ booking, action, label }: { booking: BookingSummary; action: DrawerAction; label: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const names = useLocalNames();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid={`home-booking-${booking.number}`}>
      <UnstyledButton onClick={() => openBooking(booking.id)} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} truncate>
          {booking.guestName}
          <Text span size="xs" c="dimmed" ml="xs">
            {booking.number}
          </Text>
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {names.roomType(booking.roomTypeId, booking.roomTypeName)}
          {booking.roomNumber && ` · ${booking.roomNumber}`}
          {booking.balanceFen > 0 && (
            <Text span size="xs" c="red" ml="xs">
              {t('home.day.balance', { amount: money(booking.balanceFen) })}
            </Text>
          )}
        </Text>
      </UnstyledButton>
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => openBooking(booking.id, action)}
        data-testid={`home-${action}-${booking.number}`}
      >
        {label}
      </Button>
    </Group>
  );
}

function ActionList({
  title,
  list,
  action,
  label,
  emptyText,
  href,
  testId,
}: {
  title: string;
  list: HomeList<BookingSummary>;
  action: DrawerAction;
  href: string;
  label: string;
  emptyText: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <CardHeading
        title={title}
        href={href}
        linkText={list.count > list.items.length ? t('home.seeAll', { count: list.count }) : undefined}
      />
      <ListOrEmpty empty={list.items.length === 0} emptyText={emptyText}>
        {list.items.map((booking) => (
          <BookingRow key={booking.id} booking={booking} action={action} label={label} />
        ))}
      </ListOrEmpty>
    </Card>
  );
}

/** `withLists` off: the counts alone (a manager's home, where the desk is one part among others). */
export function DeskToday({ desk, withLists }: { desk: HomeDesk; withLists: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="home-day">
      <Text fw={600}>{t('home.day.title')}</Text>
      <SimpleGrid cols={3} spacing="sm">
        <StatTile
          label={t('home.day.arrivals')}
          value={desk.arrivals.count}
          href={homeLinks.desk('arrivals')}
          color="teal"
          testId="home-arrivals"
        />
        <StatTile
          label={t('home.day.departures')}
          value={desk.departures.count}
          href={homeLinks.desk('departures')}
          color="teal"
          testId="home-departures"
        />
        <StatTile
          label={t('home.day.inHouse')}
          value={desk.inHouse}
          href={homeLinks.desk('inHouse')}
          color="blue"
          testId="home-in-house"
        />
      </SimpleGrid>
      {withLists && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <ActionList
            title={t('home.day.arrivals')}
            list={desk.arrivals}
            action="checkIn"
            label={t('home.day.checkIn')}
            emptyText={t('home.day.arrivalsEmpty')}
            href={homeLinks.desk('arrivals')}
            testId="home-arrivals-list"
          />
          <ActionList
            title={t('home.day.departures')}
            list={desk.departures}
            action="checkOut"
            label={t('home.day.checkOut')}
            emptyText={t('home.day.departuresEmpty')}
            href={homeLinks.desk('departures')}
            testId="home-departures-list"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
