/**
 * The working calendar complaint deadlines ("5+X") are counted on: Monday to Friday, less China's
 * public holidays, plus the weekend days worked in lieu (调休), as the State Council publishes them
 * each November — from the maintained `chinese-days` package, with the property's own corrections
 * on top (next year's schedule before the package has it, a local holiday).
 */
// The default export, not named imports: the package's `main` is a UMD bundle, which Node's ESM
// loader (the harness, the CLI) exposes only as `default`; its ES build has the same default.
import chineseDays from 'chinese-days';

const { isWorkday } = chineseDays;

/** An admin's corrections, as local dates (YYYY-MM-DD): days off that the package counts as working, and days worked that it counts as off. */
export interface CalendarCorrections {
  daysOff: readonly string[];
  workingDays: readonly string[];
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}

export function chineseWorkingCalendar(
  corrections: CalendarCorrections = { daysOff: [], workingDays: [] },
): WorkingCalendar {
  const off = new Set(corrections.daysOff);
  const worked = new Set(corrections.workingDays);
  return {
    isWorkingDay: (date) => (worked.has(date) ? true : off.has(date) ? false : isWorkday(date)),
  };
}
