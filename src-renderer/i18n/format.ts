/**
 * Dates, times, sizes and money formatted per locale and in the property's time zone (not the PC's),
 * which the signed-in shell provides through PropertyZone.
 */
import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime, type DateTimeFormatOptions } from 'luxon';

/** The property's IANA zone; undefined before sign-in, when the PC's zone is all we know. */
export const PropertyZone = createContext<string | undefined>(undefined);

function inZone(iso: string, locale: string, zone: string | undefined): DateTime {
  const dt = DateTime.fromISO(iso, { setZone: false }).setLocale(locale);
  return zone ? dt.setZone(zone) : dt;
}

/**
 * An instant with the month in words and a 24-hour clock: "Nov 27, 2026, 22:51:55" in English,
 * "2026年11月27日 22:51:55" in Chinese; never en-US's 11/27/2026, which a Chinese desk misreads.
 */
export const DATE_TIME: DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

/** The same to the minute (a call to make, a report submitted): "Nov 27, 2026, 22:51". */
export const DATE_TIME_MINUTE: DateTimeFormatOptions = { ...DATE_TIME, second: undefined };

export function formatInstant(
  iso: string,
  locale: string,
  zone?: string,
  format: DateTimeFormatOptions = DATE_TIME,
): string {
  const dt = inZone(iso, locale, zone);
  return dt.isValid ? dt.toLocaleString(format) : iso;
}

/** A calendar day with the month in words: "Dec 8, 2026" in English, "2026年12月8日" in Chinese. */
export const DAY: DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const MONTH_DAY: DateTimeFormatOptions = { month: 'short', day: 'numeric' };

/**
 * A calendar day (`YYYY-MM-DD`, the property's local date), read in UTC on purpose: a local date
 * has no zone, and shifting it by the PC's zone would move the day. Not a date: returned as given.
 */
export function formatDay(day: string, locale: string, format: DateTimeFormatOptions = DAY): string {
  const dt = DateTime.fromISO(day, { zone: 'UTC' }).setLocale(locale);
  return dt.isValid ? dt.toLocaleString(format) : day;
}

/**
 * Two calendar days as one range, the year written once when both share it: "2026年12月8日–12月10日",
 * "Dec 8 – Dec 10, 2026". Built from two days rather than Intl's formatRange, whose Chinese output
 * differs between ICU versions (Node's writes 2026/12/8 – 2026/12/10).
 */
export function formatDayRange(from: string, to: string, locale: string): string {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  if (!start.isValid || !end.isValid) return `${from} – ${to}`;
  if (start.year !== end.year) return `${formatDay(from, locale)} – ${formatDay(to, locale)}`;
  return locale.startsWith('zh')
    ? `${formatDay(from, locale)}–${formatDay(to, locale, MONTH_DAY)}`
    : `${formatDay(from, locale, MONTH_DAY)} – ${formatDay(to, locale)}`;
}

export function formatBytes(bytes: number, locale: string): string {
  const [unit, value] =
    bytes >= 1024 * 1024
      ? (['megabyte', bytes / 1024 / 1024] as const)
      : bytes >= 1024
        ? (['kilobyte', bytes / 1024] as const)
        : (['byte', bytes] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * Money (integer fen) for a given language; the voucher prints in its own language, not the UI's.
 * The narrow symbol in every language: ¥468.00 in Chinese and English alike, never "CN¥468.00"
 * (the desk works in one currency, so the symbol cannot be mistaken for the yen).
 */
export function moneyFormat(locale: string, currency: string): (fen: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  return (fen) => format.format(fen / 100);
}

export interface Formatters {
  locale: string;
  zone: string | undefined;
  /** An instant as date and time, e.g. in a table. */
  dateTime(iso: string): string;
  /** An instant to the minute: a time to call, a deadline, when something was submitted. */
  minute(iso: string): string;
  /** A calendar day (the property's local date, `YYYY-MM-DD`). */
  day(day: string): string;
  /** Two calendar days as one range (a stay's arrival and departure). */
  dayRange(from: string, to: string): string;
  /** Today's date in the property's zone, written out in full. */
  today(): string;
  bytes(value: number): string;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const zone = useContext(PropertyZone);
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      zone,
      dateTime: (iso) => formatInstant(iso, locale, zone),
      minute: (iso) => formatInstant(iso, locale, zone, DATE_TIME_MINUTE),
      day: (day) => formatDay(day, locale),
      dayRange: (from, to) => formatDayRange(from, to, locale),
      today: () =>
        (zone ? DateTime.now().setZone(zone) : DateTime.now()).setLocale(locale).toLocaleString(DateTime.DATE_HUGE),
      bytes: (value) => formatBytes(value, locale),
    }),
    [locale, zone],
  );
}
