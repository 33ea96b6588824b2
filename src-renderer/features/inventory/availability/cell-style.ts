/**
 * How full a night looks in the availability grid: plenty (green), running low (amber), none left
 * (red), or closed for sale (grey stripes). "Low" is a quarter of the type's rooms or fewer, so a
 * five-room suite type turns amber at one left and a 40-room type at ten.
 */
import type { CSSProperties } from 'react';
import type { AvailabilityCell } from '@shared/contract';

export type CellLevel = 'plenty' | 'low' | 'none' | 'closed';

const LOW_SHARE = 0.25;

export function cellLevel(cell: Pick<AvailabilityCell, 'available' | 'rooms' | 'closed'>): CellLevel {
  if (cell.closed) return 'closed';
  if (cell.available <= 0) return 'none';
  return cell.available <= cell.rooms * LOW_SHARE ? 'low' : 'plenty';
}

const STRIPES = 'repeating-linear-gradient(135deg, var(--mantine-color-gray-light) 0 4px, transparent 4px 8px)';

export const LEVEL_STYLES: Record<CellLevel, CSSProperties> = {
  plenty: { background: 'var(--mantine-color-green-light)', color: 'var(--mantine-color-green-light-color)' },
  low: { background: 'var(--mantine-color-yellow-light)', color: 'var(--mantine-color-orange-light-color)' },
  none: { background: 'var(--mantine-color-red-filled)', color: 'var(--mantine-color-white)' },
  closed: { background: STRIPES, color: 'var(--mantine-color-dimmed)' },
};
