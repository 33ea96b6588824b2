/** How the cancellation screens write instants and local dates, always in the property's zone. */
import { useMemo } from 'react';
import { DateTime } from 'luxon';
import { useFormat } from '../../i18n/format';

const MONTH_DAY_TIME = {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const;

export function useCancelFormat() {
  const { locale, zone, dateTime } = useFormat();
  return useMemo(
    () => ({
      dateTime,
      /** "11月25日 18:00": a deadline, close enough to today that the year goes without saying. */
      deadline: (iso: string) => DateTime.fromISO(iso, { zone }).setLocale(locale).toLocaleString(MONTH_DAY_TIME),
      /** A local date (arrival) read in UTC on purpose, so the PC's zone cannot move the day. */
      day: (date: string) =>
        DateTime.fromISO(date, { zone: 'UTC' }).setLocale(locale).toLocaleString(DateTime.DATE_MED),
      isPast: (iso: string) => Date.parse(iso) <= Date.now(),
      /** Today in the property's calendar, as the contract's local date. */
      today: () => (zone ? DateTime.now().setZone(zone) : DateTime.now()).toISODate()!,
    }),
    [locale, zone, dateTime],
  );
}
