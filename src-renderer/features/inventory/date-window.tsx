/**
 * The window of nights a grid shows: it starts at the business date, moves a week at a time and
 * shows 7, 14 or 31 nights. The shift is kept relative to the business date, so the window is right
 * as soon as that date arrives (and after a night audit moves it).
 */
import { useState } from 'react';
import { ActionIcon, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays, dateRange } from '@shared/rules/stay';
import { useDayFormat } from './day-format';

export const NIGHT_OPTIONS = [7, 14, 31] as const;
const WEEK = 7;

export interface DateWindow {
  from: string;
  nights: number;
  days: string[];
}

export function useDateWindow(businessDate: string, initialNights: number) {
  const [shift, setShift] = useState(0);
  const [nights, setNights] = useState(initialNights);
  const from = addDays(businessDate, shift);
  const span: DateWindow = { from, nights, days: dateRange(from, nights) };
  return { span, shift, setShift, setNights };
}

interface WindowControlsProps {
  control: ReturnType<typeof useDateWindow>;
  testId: string;
}

export function WindowControls({ control, testId }: WindowControlsProps) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { span, shift, setShift, setNights } = control;
  const last = span.days.at(-1) ?? span.from;
  return (
    <Group gap="xs" wrap="nowrap">
      <Tooltip label={t('inventory.window.prevWeek')}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('inventory.window.prevWeek')}
          onClick={() => setShift(shift - WEEK)}
          data-testid={`${testId}-prev`}
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
      </Tooltip>
      <Button variant="default" disabled={shift === 0} onClick={() => setShift(0)} data-testid={`${testId}-today`}>
        {t('inventory.window.today')}
      </Button>
      <Tooltip label={t('inventory.window.nextWeek')}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('inventory.window.nextWeek')}
          onClick={() => setShift(shift + WEEK)}
          data-testid={`${testId}-next`}
        >
          <IconChevronRight size={18} />
        </ActionIcon>
      </Tooltip>
      <Text size="sm" c="dimmed" miw={110} ta="center" data-testid={`${testId}-range`}>
        {t('inventory.window.range', { from: day.monthDay(span.from), to: day.monthDay(last) })}
      </Text>
      <SegmentedControl
        size="xs"
        value={String(span.nights)}
        onChange={(value) => setNights(Number(value))}
        data={NIGHT_OPTIONS.map((n) => ({ value: String(n), label: t('inventory.window.nights', { count: n }) }))}
        aria-label={t('inventory.window.nightsLabel')}
        data-testid={`${testId}-nights`}
      />
    </Group>
  );
}
