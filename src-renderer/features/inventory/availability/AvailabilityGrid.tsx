/**
 * Room types × nights, each cell "available/rooms" coloured by how full the night is, closed
 * nights striped, weekend nights shaded and the business date marked. A total row sums the types.
 * The two numbers stand on two lines, so a hotel's three-digit totals stay apart at 31 nights;
 * below a night's minimum width the grid scrolls sideways.
 */
import type { CSSProperties } from 'react';
import { Box, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AvailabilityCell, AvailabilityRow } from '@shared/contract';
import { isWeekendNight, useDayFormat } from '../day-format';
import { cellLevel, LEVEL_STYLES } from './cell-style';
import { useLocalNames } from '../../../i18n/use-local-names';

const TYPE_COLUMN = 132;
const NIGHT_COLUMN = 44;
const WEEKEND_SHADE = 'var(--mantine-color-default-hover)';
const TODAY_LINE = '2px solid var(--mantine-color-teal-filled)';

interface GridProps {
  rows: AvailabilityRow[];
  nights: string[];
  businessDate: string;
  /** Why each closed date is closed, for the tooltip. */
  closedReasons: Map<string, string>;
}

function columnStyle(night: string, businessDate: string): CSSProperties {
  const today = night === businessDate;
  return {
    background: isWeekendNight(night) ? WEEKEND_SHADE : undefined,
    borderLeft: today ? TODAY_LINE : undefined,
    borderRight: today ? TODAY_LINE : undefined,
    padding: 2,
  };
}

function Cell({ cell, reason, testId }: { cell: AvailabilityCell; reason: string | undefined; testId: string }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const level = cellLevel(cell);
  const night = day.long(cell.night);
  const label =
    level === 'closed'
      ? reason
        ? t('inventory.grid.closedReason', { night, reason })
        : t('inventory.grid.closed', { night })
      : t('inventory.grid.cellTip', { night, available: cell.available, rooms: cell.rooms, sold: cell.sold });
  return (
    <Tooltip label={label} openDelay={250} withinPortal>
      <Box
        ta="center"
        py={2}
        lh={1.15}
        style={{ ...LEVEL_STYLES[level], borderRadius: 4, fontVariantNumeric: 'tabular-nums' }}
        data-testid={testId}
        data-level={level}
      >
        <Box fz={12} fw={700}>
          {cell.available}
        </Box>
        <Box fz={10} opacity={0.8}>
          /{cell.rooms}
        </Box>
      </Box>
    </Tooltip>
  );
}

/** The sum over room types for each night; a night counts as closed when every type is. */
function totals(rows: AvailabilityRow[], nights: string[]): AvailabilityCell[] {
  return nights.map((night, i) => {
    const cells = rows.map((row) => row.cells[i]).filter((c): c is AvailabilityCell => c !== undefined);
    const sum = (pick: (c: AvailabilityCell) => number) => cells.reduce((total, c) => total + pick(c), 0);
    return {
      night,
      rooms: sum((c) => c.rooms),
      sold: sum((c) => c.sold),
      available: sum((c) => c.available),
      closed: cells.length > 0 && cells.every((c) => c.closed),
    };
  });
}

export function AvailabilityGrid({ rows, nights, businessDate, closedReasons }: GridProps) {
  const { t } = useTranslation();
  const names = useLocalNames();
  const day = useDayFormat();
  const sticky: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' };
  const line = (name: string, cells: AvailabilityCell[], key: string, bold = false) => (
    <Table.Tr key={key} data-testid={`grid-row-${key}`}>
      <Table.Td style={sticky}>
        <Text size="sm" fw={bold ? 700 : 500} truncate>
          {name}
        </Text>
      </Table.Td>
      {cells.map((cell) => (
        <Table.Td key={cell.night} style={columnStyle(cell.night, businessDate)}>
          <Cell cell={cell} reason={closedReasons.get(cell.night)} testId={`grid-cell-${key}-${cell.night}`} />
        </Table.Td>
      ))}
    </Table.Tr>
  );

  return (
    <Table.ScrollContainer minWidth={TYPE_COLUMN + nights.length * NIGHT_COLUMN}>
      <Table layout="fixed" withTableBorder verticalSpacing={4} data-testid="availability-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={TYPE_COLUMN} style={sticky}>
              {t('inventory.grid.roomType')}
            </Table.Th>
            {nights.map((night) => (
              <Table.Th
                key={night}
                ta="center"
                style={columnStyle(night, businessDate)}
                data-testid={night === businessDate ? 'grid-today' : undefined}
              >
                <Text
                  size="xs"
                  c={night === businessDate ? 'teal' : 'dimmed'}
                  fw={night === businessDate ? 700 : 400}
                  lh={1.2}
                >
                  {night === businessDate ? t('inventory.window.todayMarker') : day.weekday(night)}
                </Text>
                <Text size="xs" fw={600} lh={1.2}>
                  {day.monthDay(night)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => line(names.roomType(row.roomTypeId, row.roomTypeName), row.cells, row.roomTypeId))}
          {rows.length > 1 && line(t('inventory.grid.total'), totals(rows, nights), 'total', true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
