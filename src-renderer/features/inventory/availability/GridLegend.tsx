/** What the grid's colours mean, under the grid. */
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEVEL_STYLES, type CellLevel } from './cell-style';

const LEVELS: CellLevel[] = ['plenty', 'low', 'none', 'closed'];

export function GridLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" mt="xs">
      {LEVELS.map((level) => (
        <Group key={level} gap={6}>
          <Box
            w={18}
            h={12}
            style={{ ...LEVEL_STYLES[level], borderRadius: 3, border: '1px solid var(--mantine-color-default-border)' }}
          />
          <Text size="xs" c="dimmed">
            {t(`inventory.grid.legend.${level}`)}
          </Text>
        </Group>
      ))}
      <Group gap={6}>
        <Box
          w={18}
          h={12}
          bg="var(--mantine-color-default-hover)"
          style={{ borderRadius: 3, border: '1px solid var(--mantine-color-default-border)' }}
        />
        <Text size="xs" c="dimmed">
          {t('inventory.grid.legend.weekend')}
        </Text>
      </Group>
    </Group>
  );
}
