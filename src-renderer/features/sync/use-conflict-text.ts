/**
 * How a conflict reads: what the server counted (its detail) in words, with dates and numbers in
 * the UI language. Detail keys are those of ConflictRow.detail_json, plus the room type's name.
 * Instants are written in the property's time zone, like every other time on screen; operation
 * names and error codes are never shown as they are stored.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { isOperationName, type ConflictView } from '@shared/contract';
import { isErrorCode } from '@shared/errors';
import { formatInstant, useFormat } from '../../i18n/format';
import { useLocalNames } from '../../i18n/use-local-names';
import { useStayFormat } from '../bookings/stay-format';

export function useConflictText() {
  const { t } = useTranslation();
  const stay = useStayFormat();
  const { locale, zone } = useFormat();
  const names = useLocalNames();

  const detail = useCallback(
    ({ kind, detail: d }: ConflictView) => {
      const number = (value: string | number | undefined) =>
        typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : (value ?? '');
      const date = (value: string | number | undefined) => (typeof value === 'string' ? stay.date(value) : '');
      if (kind === 'room_inventory') {
        return t('sync.conflicts.details.room_inventory', {
          roomType:
            typeof d['roomTypeId'] === 'string'
              ? names.roomType(d['roomTypeId'], String(d['roomTypeName'] ?? ''))
              : (d['roomTypeName'] ?? ''),
          night: date(d['night']),
          rooms: number(d['rooms']),
          sold: number(d['sold']),
        });
      }
      if (kind === 'ticket_capacity') {
        return t('sync.conflicts.details.ticket_capacity', {
          visitDate: date(d['visitDate']),
          capacity: number(d['capacity']),
          sold: number(d['sold']),
        });
      }
      if (kind === 'points_balance')
        return t('sync.conflicts.details.points_balance', { balance: number(d['balance']) });
      const operation = String(d['operation'] ?? '');
      const code = String(d['error'] ?? '');
      return t('sync.conflicts.details.rebase_refused', {
        operation: isOperationName(operation)
          ? t(`operations.${operation}`)
          : t('sync.conflicts.details.unknownOperation'),
        actor: d['actor'] || t('sync.conflicts.details.unknownActor'),
        desk: d['desk'] ?? '',
        at: typeof d['at'] === 'string' ? formatInstant(d['at'], locale, zone, DateTime.DATETIME_SHORT) : '',
        error: isErrorCode(code) ? t(code, { ns: 'errors' }) : t('sync.conflicts.details.unknownError'),
      });
    },
    [t, locale, zone, stay, names],
  );

  /** For a refused change: what became of it (still on record, to refund or redo; or not in effect). Null for the other kinds. */
  const outcome = useCallback(
    ({ kind, detail: d }: ConflictView): string | null => {
      if (kind !== 'rebase_refused') return null;
      return t(d['kept'] === 1 ? 'sync.conflicts.details.kept' : 'sync.conflicts.details.dropped');
    },
    [t],
  );

  /** The desk the conflict is about: where a refused change was made; for a sale, the desk whose number it bears. */
  const desk = useCallback(({ kind, detail: d, deskCode }: ConflictView): string | null => {
    const refusedAt = d['desk'];
    return kind === 'rebase_refused' && typeof refusedAt === 'string' && refusedAt !== '' ? refusedAt : deskCode;
  }, []);

  return { detail, outcome, desk };
}
