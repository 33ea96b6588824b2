/**
 * The day's slots of a product with what is sold and left. A full slot stays selectable: the
 * figures may be stale (another desk sells too), so the service decides and says SLOT_FULL.
 */
import { Badge, Group, Paper, Progress, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlotAvailability } from '@shared/contract';

interface SlotCardsProps {
  slots: SlotAvailability[];
  selected: string;
  onSelect: (slotId: string) => void;
}

export function SlotCards({ slots, selected, onSelect }: SlotCardsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" role="radiogroup" aria-label={t('inventory.tickets.slot')}>
      {slots.map((slot) => {
        const active = slot.id === selected;
        const full = slot.available === 0;
        return (
          <UnstyledButton
            key={slot.id}
            role="radio"
            aria-checked={active}
            onClick={() => onSelect(slot.id)}
            data-testid={`slot-${slot.startTime}`}
          >
            <Paper
              withBorder
              p="xs"
              style={{
                borderColor: active ? 'var(--mantine-color-teal-filled)' : undefined,
                boxShadow: active ? '0 0 0 1px var(--mantine-color-teal-filled)' : undefined,
                background: full ? 'var(--mantine-color-red-light)' : undefined,
              }}
            >
              <Group justify="space-between" gap={4}>
                <Text fw={700}>
                  {slot.startTime}–{slot.endTime}
                </Text>
                {full && (
                  <Badge color="red" size="sm">
                    {t('inventory.tickets.full')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" data-testid={`slot-${slot.startTime}-left`}>
                {t('inventory.tickets.left', { available: slot.available, capacity: slot.capacity })}
              </Text>
              <Text size="xs" c="dimmed" data-testid={`slot-${slot.startTime}-sold`}>
                {t('inventory.tickets.sold', { sold: slot.sold })}
              </Text>
              <Progress
                mt={4}
                size="sm"
                value={slot.capacity ? (slot.sold / slot.capacity) * 100 : 0}
                color={full ? 'red' : 'teal'}
              />
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
