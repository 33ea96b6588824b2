/** The rack's colours: bars by booking status, dots by room status. */
import { Badge, Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROOM_STATUSES } from '@shared/rules/booking-status';
import { BOOKING_STATUS_COLORS, ROOM_STATUS_COLORS } from '../status-colors';

/** The rack shows only stays with a room: in house or already left, and rooms kept for a guest on the way. */
const BAR_STATUSES = ['checked_in', 'checked_out'] as const;

export function RackLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      {BAR_STATUSES.map((status) => (
        <Badge key={status} color={BOOKING_STATUS_COLORS[status]} radius="sm" size="sm">
          {t(`inventory.bookingStatus.${status}`)}
        </Badge>
      ))}
      <Badge
        color={BOOKING_STATUS_COLORS.confirmed}
        variant="light"
        radius="sm"
        size="sm"
        style={{ border: `1px dashed var(--mantine-color-${BOOKING_STATUS_COLORS.confirmed}-filled)` }}
      >
        {t('inventory.rack.heldLegend')}
      </Badge>
      {ROOM_STATUSES.map((status) => (
        <Group key={status} gap={4}>
          <Box
            w={9}
            h={9}
            style={{ borderRadius: '50%', background: `var(--mantine-color-${ROOM_STATUS_COLORS[status]}-filled)` }}
          />
          <Text size="xs" c="dimmed">
            {t(`inventory.roomStatus.${status}`)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
