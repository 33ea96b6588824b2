/**
 * Calendar days (`YYYY-MM-DD`, the property's local dates) as column headings. They are read in
 * UTC on purpose: a local date has no zone, and shifting it by the PC's zone would move the day.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { weekday } from '@shared/rules/stay';

export interface DayFormat {
  /** "12/3" style, short enough for a 40 px column. */
  monthDay(day: string): string;
  /** "Wed" / "周三". */
  weekday(day: string): string;
  /** The day written out, for tooltips and labels. */
  long(day: string): string;
}

export function useDayFormat(): DayFormat {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const at = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).setLocale(locale);
    return {
      monthDay: (day) => at(day).toLocaleString({ month: 'numeric', day: 'numeric' }),
      weekday: (day) => at(day).toLocaleString({ weekday: 'short' }),
      long: (day) => at(day).toLocaleString({ ...DateTime.DATE_MED_WITH_WEEKDAY }),
    };
  }, [locale]);
}

/** A hotel's weekend is the nights of Friday and Saturday (as the rack rate prices them), not the calendar's. */
export function isWeekendNight(day: string): boolean {
  const iso = weekday(day);
  return iso === 5 || iso === 6;
}
