/**
 * The weekly report's period: an ISO week (2026-W48, Monday to Sunday). The reader picks any date
 * and gets its week, or steps a week back or forward; the week and its Monday and Sunday are shown
 * beside the picker, as the report and the calendar name it.
 */
import { ActionIcon, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { periodDates, weekOf } from '@shared/rules/report-deadlines';
import { addDays } from '@shared/rules/stay';
import { DateField } from '../../ui/DateField';

export interface WeekPickerProps {
  /** 2026-W48 */
  week: string;
  onChange: (week: string) => void;
}

export function WeekPicker({ week, onChange }: WeekPickerProps) {
  const { t } = useTranslation();
  const dates = periodDates('weekly', week);
  const step = (days: number) => dates && onChange(weekOf(addDays(dates.first, days)));
  return (
    <Group gap="xs" align="flex-end">
      <ActionIcon
        variant="default"
        size="lg"
        mb={1}
        onClick={() => step(-7)}
        aria-label={t('reports.picker.previousWeek')}
        data-testid="report-week-previous"
      >
        <IconChevronLeft size={16} />
      </ActionIcon>
      <DateField
        label={t('reports.picker.week')}
        w={170}
        value={dates?.first ?? ''}
        onChange={(date) => date && onChange(weekOf(date))}
        data-testid="report-week-date"
      />
      <ActionIcon
        variant="default"
        size="lg"
        mb={1}
        onClick={() => step(7)}
        aria-label={t('reports.picker.nextWeek')}
        data-testid="report-week-next"
      >
        <IconChevronRight size={16} />
      </ActionIcon>
      {dates && (
        <Text size="sm" mb={8} data-testid="report-week">
          {t('reports.picker.weekOf', { week, from: dates.first, to: dates.last })}
        </Text>
      )}
    </Group>
  );
}
