/**
 * How a conflict reads: what the server counted (its detail) in words, with dates and numbers in
 * the UI language. Detail keys are those of ConflictRow.detail_json, plus the room type's name.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '@shared/contract';
import { useStayFormat } from '../desk/stay-format';

export function useConflictText() {
  const { t, i18n } = useTranslation();
  const stay = useStayFormat();

  const detail = useCallback(
    ({ kind, detail: d }: ConflictView) => {
      const number = (value: string | number | undefined) => (typeof value === 'number' ? new Intl.NumberFormat(i18n.language).format(value) : (value ?? ''));
      const date = (value: string | number | undefined) => (typeof value === 'string' ? stay.date(value) : '');
      if (kind === 'room_inventory') {
        return t('sync.conflicts.details.room_inventory', { roomType: d['roomTypeName'] ?? '', night: date(d['night']), rooms: number(d['rooms']), sold: number(d['sold']) });
      }
      if (kind === 'ticket_capacity') {
        return t('sync.conflicts.details.ticket_capacity', { visitDate: date(d['visitDate']), capacity: number(d['capacity']), sold: number(d['sold']) });
      }
      return t('sync.conflicts.details.points_balance', { balance: number(d['balance']) });
    },
    [t, i18n.language, stay],
  );

  return { detail };
}
