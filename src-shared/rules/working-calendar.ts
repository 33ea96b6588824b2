/**
 * The working calendar complaint deadlines ("5+X") are counted on: Monday to Friday, less China's
 * public holidays, plus the weekend days worked in lieu (调休), as the State Council publishes them
 * each November — from the maintained `chinese-days` package, with the property's own corrections
 * on top (next year's schedule before the package has it, a local holiday).
 */
import official from 'chinese-days/dist/chinese-days.json';

/** An admin's corrections, as local dates (YYYY-MM-DD): days off that the package counts as working, and days worked that it counts as off. */
export interface CalendarCorrections {
  daysOff: readonly string[];
  workingDays: readonly string[];
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}

/**
 * The package's own tables, by date. Its isWorkday reads a date through dayjs in the process's
 * zone, so west of Greenwich it answered for the day before; the tables and a weekday worked out
 * in UTC are the same in every zone.
 */
function officiallyWorking(date: string): boolean {
  if (date in official.workdays) return true;
  if (date in official.holidays) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

export function chineseWorkingCalendar(
  corrections: CalendarCorrections = { daysOff: [], workingDays: [] },
): WorkingCalendar {
  const off = new Set(corrections.daysOff);
  const worked = new Set(corrections.workingDays);
  return {
    isWorkingDay: (date) => (worked.has(date) ? true : off.has(date) ? false : officiallyWorking(date)),
  };
}
