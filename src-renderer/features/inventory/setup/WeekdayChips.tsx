/** The nights a price applies to, as seven toggles over the contract's bitmask (bit 0 = Monday … bit 6 = Sunday). */
import { Chip, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface WeekdayChipsProps {
  value?: number;
  onChange: (mask: number) => void;
  error?: unknown;
  testId: string;
}

export function WeekdayChips({ value = 0, onChange, error, testId }: WeekdayChipsProps) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap={3} wrap="nowrap" data-testid={testId}>
        {DAYS.map((day, bit) => (
          <Chip
            key={day}
            size="xs"
            radius="sm"
            checked={(value & (1 << bit)) !== 0}
            onChange={(on) => onChange(on ? value | (1 << bit) : value & ~(1 << bit))}
            icon={null}
            styles={{ label: { paddingInline: 7 } }}
            aria-label={t(`inventory.weekdays.long.${day}`)}
          >
            {t(`inventory.weekdays.short.${day}`)}
          </Chip>
        ))}
      </Group>
      {Boolean(error) && (
        <Text size="xs" c="red">
          {t('inventory.setup.pickWeekdays')}
        </Text>
      )}
    </div>
  );
}
