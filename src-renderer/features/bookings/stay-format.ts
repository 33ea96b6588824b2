/**
 * Stay dates (`YYYY-MM-DD`, local calendar dates of the property) written per locale. They are
 * not instants, so no time zone applies.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { stayNights } from '@shared/rules/stay';

export function formatStayDate(date: string, locale: string): string {
  const dt = DateTime.fromISO(date, { zone: 'UTC' }).setLocale(locale);
  return dt.isValid ? dt.toLocaleString({ month: 'short', day: 'numeric', weekday: 'short' }) : date;
}

export function formatLongDate(date: string, locale: string): string {
  const dt = DateTime.fromISO(date, { zone: 'UTC' }).setLocale(locale);
  return dt.isValid ? dt.toLocaleString({ year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }) : date;
}

export function nightCount(arrival: string, departure: string): number {
  return stayNights(arrival, departure).length;
}

export function useStayFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      date: (date: string) => formatStayDate(date, locale),
      long: (date: string) => formatLongDate(date, locale),
      range: (arrival: string, departure: string) =>
        `${formatStayDate(arrival, locale)} — ${formatStayDate(departure, locale)}`,
    }),
    [locale],
  );
}
