/**
 * A time of day on a 24-hour clock (15:30), holding HH:mm as forms and the contract use it. Not the
 * native time input: Chromium writes that one with AM/PM on an English OS whatever the UI language.
 */
import { TimePicker, type TimePickerProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

interface TimeFieldProps extends Omit<TimePickerProps, 'value' | 'onChange' | 'format' | 'withSeconds'> {
  /** HH:mm, or '' (or nothing) for an empty field. */
  value?: string;
  onChange: (time: string) => void;
  /** data-testid of the field; its hours and minutes inputs get `-hours` and `-minutes`. */
  testId?: string;
}

export function TimeField({ value, onChange, testId, ...props }: TimeFieldProps) {
  const { t } = useTranslation();
  return (
    <TimePicker
      {...props}
      format="24h"
      value={value ?? ''}
      onChange={onChange}
      hoursInputLabel={t('common.hours')}
      minutesInputLabel={t('common.minutes')}
      data-testid={testId}
      hoursInputProps={{ 'data-testid': testId && `${testId}-hours` } as TimePickerProps['hoursInputProps']}
      minutesInputProps={{ 'data-testid': testId && `${testId}-minutes` } as TimePickerProps['minutesInputProps']}
    />
  );
}
