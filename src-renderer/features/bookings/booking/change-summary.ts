/**
 * A booking change's before/after as short lines a person reads ("离店：6月13日 → 6月15日").
 * The services store plain objects; known fields are named and formatted, others shown as they are.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASONS, type BookingChange, type CancelReason } from '@shared/contract';
import { BOOKING_STATUSES } from '@shared/rules/booking-status';
import { CANCELLATION_RULES, type CancellationRule } from '@shared/rules/cancellation';
import { nameIn } from '../../../i18n/use-local-names';
import { useMoney } from '../../../ui/money';
import { useStayFormat } from '../stay-format';
import { useCall } from '../../../api/use-call';

const FIELDS = [
  'number',
  'arrival',
  'departure',
  'roomTypeId',
  'ratePlanId',
  'adults',
  'children',
  'specialRequests',
  'totalFen',
  'room',
  'reason',
  'status',
  'businessDate',
  'nights',
  'cancellation',
  'penaltyFen',
  'refundFen',
  'rule',
] as const;
type Field = (typeof FIELDS)[number];

function isField(key: string): key is Field {
  return (FIELDS as readonly string[]).includes(key);
}

const isRule = (value: unknown): value is CancellationRule =>
  (CANCELLATION_RULES as readonly unknown[]).includes(value);
const isCancelReason = (value: unknown): value is CancelReason =>
  value === 'no_show' || (CANCEL_REASONS as readonly unknown[]).includes(value);

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function useChangeSummary(): (change: BookingChange) => string[] {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const stay = useStayFormat();
  const roomTypes = useCall('roomTypes.list', {});
  const ratePlans = useCall('ratePlans.list', {});

  return useCallback(
    (change) => {
      const names = new Map(
        [...(roomTypes.data ?? []), ...(ratePlans.data ?? [])].map((item) => [item.id, nameIn(i18n.language, item)]),
      );
      const show = (key: string, value: unknown): string => {
        if (value === null || value === undefined || value === '') return t('common.empty');
        if (key.endsWith('Fen') && typeof value === 'number') return money(value);
        if (key === 'rule' && isRule(value)) return t(`cancellations.rules.${value}`);
        if (key === 'reason' && isCancelReason(value)) return t(`cancellations.reasons.${value}`);
        if ((key === 'arrival' || key === 'departure' || key === 'businessDate') && typeof value === 'string')
          return stay.date(value);
        if ((key === 'roomTypeId' || key === 'ratePlanId') && typeof value === 'string')
          return names.get(value) ?? value;
        if (key === 'status' && (BOOKING_STATUSES as readonly unknown[]).includes(value))
          return t(`desk.statuses.${value as (typeof BOOKING_STATUSES)[number]}`);
        if (key === 'nights' && Array.isArray(value))
          return value.map((n) => money(Number(asRecord(n)['priceFen']))).join(' / ');
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      };
      const before = asRecord(change.before);
      const after = asRecord(change.after);
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
      return keys
        .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        .map((key) => {
          const label = isField(key) ? t(`desk.history.fields.${key}`) : key;
          return key in before
            ? t('desk.history.line', { label, before: show(key, before[key]), after: show(key, after[key]) })
            : t('desk.history.lineNew', { label, value: show(key, after[key]) });
        });
    },
    [t, i18n.language, money, stay, roomTypes.data, ratePlans.data],
  );
}
