/**
 * The business day beside the calendar, wherever a screen shows a date: one query
 * (businessDay.status) for the home screen, the desk and the night audit; the badge
 * "营业日 12月1日" that appears only while the business date is not the calendar date (between
 * midnight and the audit, or after an early close), and the warning that audits are behind.
 */
import { Alert, Badge, Tooltip } from '@mantine/core';
import { IconMoonStars } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { BusinessDayStatus } from '@shared/contract';
import { useCall } from '../../api/use-call';

/** Refetched every minute as well: midnight passes while a screen is open (no event says so). */
const CALENDAR_EVERY_MS = 60_000;

export function useBusinessDayStatus() {
  return useCall('businessDay.status', {}, { refetchInterval: CALENDAR_EVERY_MS });
}

/** The business date the screens sell in (it moves at the night audit, not at midnight); any signed-in role may read it. */
export function useBusinessDate(): string | undefined {
  return useCall(
    'businessDay.status',
    {},
    { refetchInterval: CALENDAR_EVERY_MS, select: (status) => status.businessDate },
  ).data;
}

/** A local date as month and day ("12月1日", "December 1"). */
export function formatMonthDay(date: string, locale: string): string {
  const dt = DateTime.fromISO(date, { zone: 'UTC' }).setLocale(locale);
  return dt.isValid ? dt.toLocaleString({ month: 'long', day: 'numeric' }) : date;
}

export function useMonthDay(): (date: string) => string {
  const { i18n } = useTranslation();
  return (date) => formatMonthDay(date, i18n.language);
}

/** "营业日 12月1日" beside the calendar date, only while the two differ. */
export function BusinessDayBadge({ status, testId }: { status: BusinessDayStatus; testId: string }) {
  const { t } = useTranslation();
  const monthDay = useMonthDay();
  if (status.businessDate === status.calendarDate) return null;
  const hint = status.lagDays > 0 ? 'desk.businessDay.behindHint' : 'desk.businessDay.aheadHint';
  return (
    <Tooltip
      label={t(hint, { date: monthDay(status.businessDate), calendar: monthDay(status.calendarDate) })}
      multiline
      w={280}
      withArrow
    >
      <Badge
        color={status.lagging ? 'red' : 'orange'}
        variant="light"
        radius="sm"
        size="lg"
        leftSection={<IconMoonStars size={14} />}
        data-testid={testId}
      >
        {t('desk.businessDay.badge', { date: monthDay(status.businessDate) })}
      </Badge>
    </Tooltip>
  );
}

/** Audits missed: said until they catch up, one date per run. */
export function BusinessDayLagAlert({ status, testId }: { status: BusinessDayStatus; testId: string }) {
  const { t } = useTranslation();
  const monthDay = useMonthDay();
  if (!status.lagging) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconMoonStars size={18} />}
      title={t('desk.businessDay.lagTitle')}
      data-testid={testId}
    >
      {t('desk.businessDay.lag', {
        date: monthDay(status.businessDate),
        calendar: monthDay(status.calendarDate),
        count: status.lagDays,
      })}
    </Alert>
  );
}
