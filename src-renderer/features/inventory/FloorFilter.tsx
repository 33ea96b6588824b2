/** Picking one floor of the property; the housekeeping board and the rooms setup both filter by it. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The floors that have rooms, lowest first. */
export function floorsOf(rooms: { floor: number }[]): number[] {
  return [...new Set(rooms.map((room) => room.floor))].sort((a, b) => a - b);
}

interface FloorFilterProps {
  floors: number[];
  /** The floor as a string (what a Select holds), or null for all floors. */
  value: string | null;
  onChange: (floor: string | null) => void;
  w: number;
  testId: string;
}

export function FloorFilter({ floors, value, onChange, w, testId }: FloorFilterProps) {
  const { t } = useTranslation();
  return (
    <Select
      w={w}
      clearable
      placeholder={t('inventory.housekeeping.allFloors')}
      aria-label={t('inventory.housekeeping.floorFilter')}
      data={floors.map((f) => ({ value: String(f), label: t('inventory.floor', { floor: f }) }))}
      value={value}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
