/**
 * A date field in the UI language (2026年12月8日 / 8 Dec 2026), holding the ISO date (YYYY-MM-DD)
 * that forms and the contract use, like the native date input it replaces. A typed date is read in
 * the field's own format or as an ISO date; the calendar follows DatesLocale, and an empty field's
 * calendar opens on the month of `DateFieldOpensOn` (the business date, given by the shell) rather
 * than the PC's — they differ between midnight and the night audit.
 */
import { createContext, useContext, useState } from 'react';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseDateField } from './date-field-parse';
import { dateFieldFormat } from './DatesLocale';

interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  /** YYYY-MM-DD, or '' (or nothing) for an empty field. */
  value?: string;
  onChange: (isoDate: string) => void;
}

/** The day an empty date field's calendar opens on (YYYY-MM-DD); none: today on the PC. */
export const DateFieldOpensOn = createContext<string | undefined>(undefined);

export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { i18n } = useTranslation();
  const opensOn = useContext(DateFieldOpensOn);
  // The month the calendar shows: where the person moved it, else the value's, else the opening day's.
  const [shown, setShown] = useState<string | null>(null);
  return (
    <DateInput
      {...props}
      date={shown ?? (value || opensOn)}
      onDateChange={setShown}
      valueFormat={dateFieldFormat(i18n.language)}
      dateParser={(input) => parseDateField(input, i18n.language)}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
    />
  );
}
