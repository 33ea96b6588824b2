/**
 * A month field holds the month as forms and the contract name it (YYYY-MM); Mantine's month
 * picker holds the month's first day (YYYY-MM-DD). These two convert between them.
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The picker's value for a month (its first day), or null for an empty or malformed month. */
export function monthToPickerDate(month: string): string | null {
  return MONTH.test(month) ? `${month}-01` : null;
}

/** The month (YYYY-MM) of the picker's value, or '' when it holds none. */
export function pickerDateToMonth(date: string | null): string {
  return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : '';
}
