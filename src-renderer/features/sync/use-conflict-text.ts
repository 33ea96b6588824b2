/**
 * How a conflict reads: what the server counted (its detail) in words, with dates and numbers in
 * the UI language. Detail keys are those of ConflictRow.detail_json, plus the room type's name.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { isOperationName, type ConflictView, type OperationName } from '@shared/contract';
import { isErrorCode } from '@shared/errors';
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
      if (kind === 'points_balance') return t('sync.conflicts.details.points_balance', { balance: number(d['balance']) });
      const code = String(d['error'] ?? '');
      return t('sync.conflicts.details.rebase_refused', {
        operation: isOperationName(String(d['operation'])) ? t(`operations.${String(d['operation']) as OperationName}`) : String(d['operation'] ?? ''),
        actor: d['actor'] ?? '',
        desk: d['desk'] ?? '',
        at: typeof d['at'] === 'string' ? DateTime.fromISO(d['at']).setLocale(i18n.language).toLocaleString(DateTime.DATETIME_SHORT) : '',
        error: isErrorCode(code) ? t(code, { ns: 'errors' }) : code,
      });
    },
    [t, i18n.language, stay],
  );

  return { detail };
}
