/**
 * A month field in the UI language (2026年12月 / Dec 2026), holding the month as forms and the
 * contract use it (YYYY-MM), like the native month input it replaces. The month list follows
 * DatesLocale; each month in it is named in full (2026年12月) for screen readers and tests.
 */
import { MonthPickerInput, type MonthPickerInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dayjsLocale, monthFieldFormat } from './DatesLocale';
import { monthToPickerDate, pickerDateToMonth } from './month-field-value';

interface MonthFieldProps extends Omit<
  MonthPickerInputProps,
  'type' | 'value' | 'defaultValue' | 'onChange' | 'valueFormat'
> {
  /** YYYY-MM, or '' for an empty field. */
  value: string;
  onChange: (month: string) => void;
}

export function MonthField({ value, onChange, ...props }: MonthFieldProps) {
  const { i18n } = useTranslation();
  const format = monthFieldFormat(i18n.language);
  const locale = dayjsLocale(i18n.language);
  return (
    <MonthPickerInput
      {...props}
      valueFormat={format}
      value={monthToPickerDate(value)}
      onChange={(next) => onChange(pickerDateToMonth(next))}
      getMonthControlProps={(date) => ({ 'aria-label': dayjs(date).locale(locale).format(format) })}
    />
  );
}
