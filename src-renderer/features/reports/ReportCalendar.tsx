/**
 * 报表日历: the reports due for a month. The dailies as a month grid, Monday first, each day with
 * where its report stands (not over, due, late, submitted on time or late, by whom and when); the
 * weekly and monthly reports below as a list with their deadlines. A finished report not yet
 * submitted carries the 提交 button for reports.submit holders. Deadlines and states are the
 * services' (reports.calendar), worked out in the property's zone.
 */
import { useState } from 'react';
import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime, Info } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { ReportCalendar as Calendar, ReportDue } from '@shared/contract/report-operations';
import type { ReportKind } from '@shared/contract/report-kinds';
import { datesOfMonth } from '@shared/rules/report-deadlines';
import { useCan } from '../../api/session';
import { useCall } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { useBusinessDate } from '../bookings/business-day';
import { StateBadge, STATE_COLORS, SubmitReportButton, usePeriodText } from './SubmissionPanel';
import { MonthField } from '../../ui/MonthField';

interface ReportCalendarProps {
  /** The month shown (2026-11); without it the calendar keeps its own, starting at the business date's. */
  month?: string;
  onMonthChange?: (month: string) => void;
  /** Opens a report (the page shows it); without it the days are not links. */
  onOpen?: (kind: ReportKind, period: string) => void;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function ReportCalendar({ month: shown, onMonthChange, onOpen }: ReportCalendarProps) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const businessDate = useBusinessDate();
  const [own, setOwn] = useState<string | null>(null);
  const month = shown ?? own ?? businessDate?.slice(0, 7);
  const calendar = useCall('reports.calendar', { month: month ?? '' }, { enabled: Boolean(month) });
  const pick = (value: string) => {
    if (!MONTH.test(value)) return;
    setOwn(value);
    onMonthChange?.(value);
  };
  return (
    <Stack gap="md" data-testid="report-calendar">
      <Group align="flex-end" gap="md">
        <Title order={4}>{t('reports.submission.calendar.title')}</Title>
        <MonthField
          label={t('reports.submission.calendar.month')}
          w={170}
          value={month ?? ''}
          onChange={pick}
          data-testid="report-calendar-month"
        />
      </Group>
      {calendar.isError && <Alert color="red">{message(calendar.error)}</Alert>}
      {calendar.data && <MonthOfReports calendar={calendar.data} onOpen={onOpen} />}
    </Stack>
  );
}

function MonthOfReports({ calendar, onOpen }: { calendar: Calendar; onOpen?: ReportCalendarProps['onOpen'] }) {
  const { t } = useTranslation();
  if (calendar.reports.length === 0)
    return (
      <Text c="dimmed" data-testid="report-calendar-empty">
        {t('reports.submission.calendar.empty')}
      </Text>
    );
  const dailies = new Map(calendar.reports.filter((r) => r.kind === 'daily').map((r) => [r.period, r]));
  const others = calendar.reports.filter((r) => r.kind !== 'daily');
  return (
    <Stack gap="lg">
      {calendar.kinds.includes('daily') && (
        <Stack gap="xs">
          <Text fw={600}>{t('reports.submission.calendar.dailies')}</Text>
          <DailyGrid month={calendar.month} dailies={dailies} onOpen={onOpen} />
        </Stack>
      )}
      {others.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('reports.submission.calendar.others')}</Text>
          <OtherReports reports={others} onOpen={onOpen} />
        </Stack>
      )}
    </Stack>
  );
}

function DailyGrid({
  month,
  dailies,
  onOpen,
}: {
  month: string;
  dailies: Map<string, ReportDue>;
  onOpen?: ReportCalendarProps['onOpen'];
}) {
  const { locale } = useFormat();
  const dates = datesOfMonth(month);
  // Monday first, as the ISO weeks the weekly reports cover.
  const blanks = DateTime.fromISO(dates[0]!, { zone: 'UTC' }).weekday - 1;
  return (
    <SimpleGrid cols={7} spacing={6} verticalSpacing={6} miw={700} data-testid="report-calendar-days">
      {Info.weekdays('short', { locale }).map((name) => (
        <Text key={name} size="xs" c="dimmed" ta="center">
          {name}
        </Text>
      ))}
      {Array.from({ length: blanks }, (_, i) => (
        <div key={`blank-${i}`} />
      ))}
      {dates.map((date) => (
        <DayCell key={date} date={date} due={dailies.get(date)} onOpen={onOpen} />
      ))}
    </SimpleGrid>
  );
}

function DayCell({ date, due, onOpen }: { date: string; due?: ReportDue; onOpen?: ReportCalendarProps['onOpen'] }) {
  const { t } = useTranslation();
  const can = useCan();
  const atMinute = useFormat().minute;
  const day = Number(date.slice(8));
  if (!due)
    return (
      <Paper withBorder p={6} mih={84} bg="var(--mantine-color-default-hover)">
        <Text size="sm" c="dimmed">
          {day}
        </Text>
      </Paper>
    );
  const submittable = (due.state === 'due' || due.state === 'late') && can('reports.submit');
  return (
    <Paper
      withBorder
      p={6}
      mih={84}
      style={{
        borderColor: due.state === 'late' ? 'var(--mantine-color-red-5)' : undefined,
        cursor: onOpen ? 'pointer' : undefined,
      }}
      onClick={onOpen ? () => onOpen('daily', date) : undefined}
      title={t('reports.submission.deadline', { at: atMinute(due.deadline) })}
      data-testid={`report-day-${date}`}
      data-state={due.state}
    >
      <Stack gap={4} align="flex-start">
        <Group gap={6} justify="space-between" w="100%" wrap="nowrap">
          <Text size="sm" fw={600}>
            {day}
          </Text>
          <StateBadge state={due.state} />
        </Group>
        {due.submission ? (
          <Text size="xs" c={STATE_COLORS[due.state]} lh={1.2}>
            {t('reports.submission.byAt', { by: due.submission.by.name, at: atMinute(due.submission.at) })}
          </Text>
        ) : (
          <Text size="xs" c={due.state === 'late' ? 'red' : 'dimmed'} lh={1.2}>
            {t('reports.submission.deadline', { at: atMinute(due.deadline) })}
          </Text>
        )}
        {submittable && <SubmitReportButton kind="daily" period={date} size="xs" />}
      </Stack>
    </Paper>
  );
}

function OtherReports({ reports, onOpen }: { reports: ReportDue[]; onOpen?: ReportCalendarProps['onOpen'] }) {
  const { t } = useTranslation();
  const can = useCan();
  const atMinute = useFormat().minute;
  const periodText = usePeriodText();
  return (
    <DataTable
      minWidth={760}
      data-testid="report-calendar-others"
      columns={[
        t('reports.submission.calendar.report'),
        t('reports.submission.calendar.period'),
        t('reports.submission.calendar.deadline'),
        t('reports.submission.calendar.state'),
        t('reports.submission.calendar.submittedBy'),
        t('reports.submission.calendar.submittedAt'),
        t('reports.submission.calendar.action'),
      ]}
      emptyText={t('reports.submission.calendar.empty')}
      rows={reports.map((due) => (
        <Table.Tr
          key={`${due.kind}-${due.period}`}
          style={{ cursor: onOpen ? 'pointer' : undefined }}
          onClick={onOpen ? () => onOpen(due.kind, due.period) : undefined}
          data-testid={`report-due-${due.kind}-${due.period}`}
          data-state={due.state}
        >
          <Table.Td>{t(`reports.kinds.${due.kind}`)}</Table.Td>
          <Table.Td>{periodText(due.kind, due.period)}</Table.Td>
          <Table.Td c={due.state === 'late' ? 'red' : undefined}>{atMinute(due.deadline)}</Table.Td>
          <Table.Td>
            <StateBadge state={due.state} />
          </Table.Td>
          <Table.Td>{due.submission?.by.name ?? t('common.empty')}</Table.Td>
          <Table.Td>{due.submission ? atMinute(due.submission.at) : t('common.empty')}</Table.Td>
          <Table.Td>
            {(due.state === 'due' || due.state === 'late') && can('reports.submit') && (
              <SubmitReportButton kind={due.kind} period={due.period} size="xs" />
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    />
  );
}
