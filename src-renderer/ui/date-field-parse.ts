/** Reading a typed date: the field's own format in the UI language, or an ISO date (YYYY-MM-DD). */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { dateFieldFormat, dayjsLocale } from './DatesLocale';

dayjs.extend(customParseFormat);

/** The ISO date typed, or null when it is not a real date in either format. */
export function parseDateField(input: string, language: string): string | null {
  const text = input.trim();
  for (const format of ['YYYY-MM-DD', dateFieldFormat(language)]) {
    const date = dayjs(text, format, dayjsLocale(language), true);
    if (date.isValid()) return date.format('YYYY-MM-DD');
  }
  return null;
}
