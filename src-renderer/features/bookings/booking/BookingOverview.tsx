/** The booking at a glance: guest (a link to the profile), stay, rooms, terms, nightly prices and the money. */
import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useLocalNames } from '../../../i18n/use-local-names';
import { useMoney } from '../../../ui/money';
import { NightsTable } from '../NightsTable';
import { openGuest } from '../overlays';
import { nightCount, useStayFormat } from '../stay-format';
import { Fact } from '../../../ui/Fact';

export function BookingOverview({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const money = useMoney();
  const stay = useStayFormat();
  const names = useLocalNames();
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Fact label={t('desk.drawer.guest')}>
          <Anchor
            component="button"
            type="button"
            fw={600}
            onClick={() => openGuest(booking.guest.id)}
            data-testid="booking-guest-link"
          >
            {booking.guest.name}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed" ff="monospace">
            {booking.guest.customerNo}
          </Text>
        </Fact>
        <Fact label={t('desk.drawer.stay')} testId="booking-stay">
          {stay.range(booking.arrival, booking.departure)} ·{' '}
          {t('desk.nights', { count: nightCount(booking.arrival, booking.departure) })}
        </Fact>
        <Fact label={t('desk.drawer.roomType')} testId="booking-room-type">
          {names.roomType(booking.roomType.id, booking.roomType.name)}
        </Fact>
        <Fact label={t('desk.drawer.room')} testId="booking-room">
          {booking.room?.number ?? t('desk.drawer.noRoom')}
        </Fact>
        <Fact label={t('desk.drawer.guests')}>
          {t('desk.drawer.guestsValue', { adults: booking.adults, children: booking.children })}
        </Fact>
        <Fact label={t('desk.drawer.channel')}>{t(`desk.channels.${booking.channel}`)}</Fact>
        <Fact label={t('desk.drawer.ratePlan')} testId="booking-rate-plan">
          {booking.ratePlan
            ? names.ratePlan(booking.ratePlan.id, booking.ratePlan.name)
            : t('desk.intake.ratePlanNone')}
        </Fact>
        <Fact label={t('desk.drawer.guarantee')}>{t(`desk.guarantees.${booking.guarantee}`)}</Fact>
      </SimpleGrid>
      {booking.specialRequests && <Fact label={t('desk.drawer.specialRequests')}>{booking.specialRequests}</Fact>}
      <NightsTable
        nights={booking.nights}
        totalFen={booking.totalFen}
        cancelled={booking.status === 'cancelled'}
        testId="booking-nights"
      />
      <Group grow>
        <Fact label={t('desk.drawer.total')}>{money(booking.totalFen)}</Fact>
        <Fact label={t('desk.drawer.paid')}>{money(booking.paidFen)}</Fact>
        <Fact label={t('desk.drawer.balance')} testId="booking-balance">
          <Text span c={booking.balanceFen > 0 ? 'red' : 'teal'} fw={700} inherit>
            {money(booking.balanceFen)}
          </Text>
        </Fact>
      </Group>
    </Stack>
  );
}
