/**
 * The room rack: rooms (grouped by floor) × nights, each stay a bar across its nights. Column
 * shading (weekends, the business date) is drawn once behind all rows; the room column and the
 * night headings stay put while the rack scrolls, within the window's height.
 */
import { Fragment, type CSSProperties } from 'react';
import { Box, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RackBar, RackRow, RoomType } from '@shared/contract';
import { BOOKING_STATUS_COLORS, ROOM_STATUS_COLORS } from '../status-colors';
import { isWeekendNight, useDayFormat } from '../day-format';
import { openBooking } from '../../bookings/overlays';

const ROOM_COLUMN = 120;
/** Two weeks fill a 1366 px screen with room for a guest's name in a one-night bar; a month scrolls sideways. */
const TARGET_WIDTH = 960;
const MIN_NIGHT_WIDTH = 44;
const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 38;
const BORDER = '1px solid var(--mantine-color-default-border)';
const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 2,
  background: 'var(--mantine-color-body)',
  borderRight: BORDER,
};

interface RackProps {
  rows: RackRow[];
  nights: string[];
  businessDate: string;
  roomTypes: RoomType[];
}

function Bar({ bar, nights, nightWidth }: { bar: RackBar; nights: string[]; nightWidth: number }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const start = nights.indexOf(bar.from);
  const end = nights.indexOf(bar.to);
  if (start < 0 || end < start) return null;
  const color = BOOKING_STATUS_COLORS[bar.status];
  const held = bar.status === 'confirmed';
  const tip = t('inventory.rack.barTip', {
    guest: bar.guestName,
    number: bar.number,
    status: t(`inventory.bookingStatus.${bar.status}`),
    from: day.long(bar.from),
    to: day.long(bar.to),
  });
  return (
    <Tooltip label={tip} withinPortal>
      <Box
        pos="absolute"
        top={3}
        left={start * nightWidth + 2}
        w={(end - start + 1) * nightWidth - 4}
        h={ROW_HEIGHT - 6}
        px={6}
        // A room kept for a guest not yet here (排房) reads as held, not occupied: light, dashed.
        style={{
          ...(held
            ? {
                background: `var(--mantine-color-${color}-light)`,
                color: `var(--mantine-color-${color}-light-color)`,
                border: `1px dashed var(--mantine-color-${color}-filled)`,
              }
            : { background: `var(--mantine-color-${color}-filled)`, color: 'var(--mantine-color-white)' }),
          borderRadius: 4,
          overflow: 'hidden',
          zIndex: 1,
          cursor: 'pointer',
        }}
        onClick={() => openBooking(bar.bookingId)}
        data-testid={`rack-bar-${bar.number}`}
        data-held={held || undefined}
      >
        <Text size="xs" fw={600} lh={`${ROW_HEIGHT - 6}px`} truncate>
          {bar.guestName} · {bar.number}
        </Text>
      </Box>
    </Tooltip>
  );
}

function RoomLine({
  row,
  nights,
  nightWidth,
  typeCode,
}: {
  row: RackRow;
  nights: string[];
  nightWidth: number;
  typeCode: string;
}) {
  const { t } = useTranslation();
  return (
    <Box display="flex" h={ROW_HEIGHT} style={{ borderBottom: BORDER }} data-testid={`rack-room-${row.number}`}>
      <Box w={ROOM_COLUMN} px="xs" display="flex" style={{ ...sticky, alignItems: 'center', gap: 6, flexShrink: 0 }}>
        <Tooltip label={t(`inventory.roomStatus.${row.status}`)} withinPortal>
          <Box
            w={9}
            h={9}
            style={{
              borderRadius: '50%',
              background: `var(--mantine-color-${ROOM_STATUS_COLORS[row.status]}-filled)`,
              flexShrink: 0,
            }}
            aria-label={t(`inventory.roomStatus.${row.status}`)}
          />
        </Tooltip>
        <Text size="sm" fw={600}>
          {row.number}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {typeCode}
        </Text>
      </Box>
      <Box pos="relative" w={nights.length * nightWidth} style={{ flexShrink: 0 }}>
        {row.bars.map((bar) => (
          <Bar key={bar.bookingId} bar={bar} nights={nights} nightWidth={nightWidth} />
        ))}
      </Box>
    </Box>
  );
}

/** Weekend shading, the business-date line and the night separators, behind every row. */
function Columns({ nights, nightWidth, businessDate }: { nights: string[]; nightWidth: number; businessDate: string }) {
  return nights.map((night, i) => (
    <Box
      key={night}
      pos="absolute"
      top={0}
      bottom={0}
      left={ROOM_COLUMN + i * nightWidth}
      w={nightWidth}
      style={{
        zIndex: -1,
        background: isWeekendNight(night) ? 'var(--mantine-color-default-hover)' : undefined,
        borderRight: BORDER,
        borderLeft: night === businessDate ? '2px solid var(--mantine-color-teal-filled)' : undefined,
      }}
    />
  ));
}

export function RoomRack({ rows, nights, businessDate, roomTypes }: RackProps) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const codes = new Map(roomTypes.map((type) => [type.id, type.code]));
  const floors = [...new Set(rows.map((row) => row.floor))];
  const nightWidth = Math.max(MIN_NIGHT_WIDTH, Math.floor(TARGET_WIDTH / nights.length));
  const width = ROOM_COLUMN + nights.length * nightWidth;

  return (
    <Box
      mah="calc(100vh - 200px)"
      style={{ overflow: 'auto', border: BORDER, borderRadius: 'var(--mantine-radius-md)' }}
      data-testid="room-rack"
    >
      {/* Its own stacking context, so the shading (z-index -1) stays above the page and below the rows. */}
      <Box pos="relative" w={width} style={{ zIndex: 0 }}>
        <Columns nights={nights} nightWidth={nightWidth} businessDate={businessDate} />
        <Box
          display="flex"
          h={HEADER_HEIGHT}
          style={{
            borderBottom: BORDER,
            position: 'sticky',
            top: 0,
            zIndex: 3,
            background: 'var(--mantine-color-body)',
          }}
        >
          <Box w={ROOM_COLUMN} px="xs" style={{ ...sticky, flexShrink: 0, display: 'flex', alignItems: 'center' }}>
            <Text size="sm" fw={700}>
              {t('inventory.rack.room')}
            </Text>
          </Box>
          {nights.map((night) => (
            <Box
              key={night}
              w={nightWidth}
              ta="center"
              pt={2}
              style={{
                flexShrink: 0,
                background: isWeekendNight(night) ? 'var(--mantine-color-default-hover)' : undefined,
              }}
            >
              <Text
                size="xs"
                c={night === businessDate ? 'teal' : 'dimmed'}
                fw={night === businessDate ? 700 : 400}
                lh={1.3}
              >
                {night === businessDate ? t('inventory.window.todayMarker') : day.weekday(night)}
              </Text>
              <Text size="xs" fw={600} lh={1.3}>
                {day.monthDay(night)}
              </Text>
            </Box>
          ))}
        </Box>
        {floors.map((floor) => (
          <Fragment key={floor}>
            <Box h={22} px="xs" style={{ borderBottom: BORDER, position: 'relative' }}>
              <Text
                size="xs"
                fw={700}
                c="dimmed"
                lh="22px"
                style={{ position: 'sticky', left: 8, display: 'inline-block' }}
              >
                {t('inventory.floor', { floor })}
              </Text>
            </Box>
            {rows
              .filter((row) => row.floor === floor)
              .map((row) => (
                <RoomLine
                  key={row.roomId}
                  row={row}
                  nights={nights}
                  nightWidth={nightWidth}
                  typeCode={codes.get(row.roomTypeId) ?? ''}
                />
              ))}
          </Fragment>
        ))}
      </Box>
    </Box>
  );
}
