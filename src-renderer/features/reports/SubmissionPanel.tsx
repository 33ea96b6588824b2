/**
 * Sign-off of the report on screen: where it stands against its deadline (not over, due, late,
 * submitted by whom and when), the 提交 button for a finished report (reports.submit holders),
 * and — when the page lets it — a switch between the figures as submitted and the current ones.
 * `SubmitReportButton` is the one confirm-and-submit step, used by the report calendar too.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportDue } from '@shared/contract/report-operations';
import type { ReportKind } from '@shared/contract/report-kinds';
import type { ReportDocument } from '@shared/contract/reports';
import { periodDates, type ReportDueState } from '@shared/rules/report-deadlines';
import { useCan } from '../../api/session';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';

export const STATE_COLORS: Record<ReportDueState, string> = {
  open: 'gray',
  due: 'blue',
  late: 'red',
  submitted: 'teal',
  submitted_late: 'orange',
};

/** A period as people read it: the date, the month, or the ISO week with its Monday and Sunday. */
export function usePeriodText(): (kind: ReportKind, period: string) => string {
  const { t } = useTranslation();
  return (kind, period) => {
    if (kind !== 'weekly') return period;
    const dates = periodDates(kind, period);
    return dates ? t('reports.submission.week', { week: period, from: dates.first, to: dates.last }) : period;
  };
}

/** The calendar month a report is listed in: its own month, or the month its last date falls in. */
export function calendarMonthOf(kind: ReportKind, period: string): string | null {
  return periodDates(kind, period)?.last.slice(0, 7) ?? null;
}

export function StateBadge({ state }: { state: ReportDueState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant={state === 'open' ? 'outline' : 'light'} data-testid="report-due-state">
      {t(`reports.submission.states.${state}`)}
    </Badge>
  );
}

/** 提交, with a confirmation that says what submitting does: the figures freeze, once. */
export function SubmitReportButton({
  kind,
  period,
  size = 'sm',
}: {
  kind: ReportKind;
  period: string;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const periodText = usePeriodText();
  const [confirming, setConfirming] = useState(false);
  const words = { report: t(`reports.kinds.${kind}`), period: periodText(kind, period) };
  const submit = useMutate('reports.submit', {
    onSuccess: () => {
      setConfirming(false);
      notifications.show({ color: 'teal', message: t('reports.submission.done', words) });
    },
  });
  return (
    <>
      <Button
        size={size}
        leftSection={<IconSignature size={14} />}
        onClick={(event) => {
          event.stopPropagation();
          submit.reset();
          setConfirming(true);
        }}
        data-testid={`report-submit-${kind}-${period}`}
      >
        {t('reports.submission.submit')}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reports.submission.confirmTitle', words)}
        centered
      >
        <Stack>
          <Text size="sm">{t('reports.submission.confirmText')}</Text>
          {submit.isError && (
            <Alert color="red" data-testid="report-submit-error">
              {message(submit.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() => submit.mutate({ kind, period })}
              data-testid="report-submit-confirm"
            >
              {t('reports.submission.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface SubmissionPanelProps {
  kind: ReportKind;
  period: string;
  /**
   * Shows the submitted document instead of the current one (null: back to the current figures).
   * Without it the panel offers no switch.
   */
  onShowSubmitted?: (document: ReportDocument | null) => void;
}

export function SubmissionPanel({ kind, period, onShowSubmitted }: SubmissionPanelProps) {
  const month = calendarMonthOf(kind, period);
  const calendar = useCall('reports.calendar', { month: month ?? '' }, { enabled: month !== null });
  const due = calendar.data?.reports.find((report) => report.kind === kind && report.period === period);
  // Not a report this desk files, or a date before the property began: nothing to sign off.
  if (!due) return null;
  return <DueReport due={due} onShowSubmitted={onShowSubmitted} />;
}

function DueReport({
  due,
  onShowSubmitted,
}: {
  due: ReportDue;
  onShowSubmitted?: SubmissionPanelProps['onShowSubmitted'];
}) {
  const { t } = useTranslation();
  const can = useCan();
  const atMinute = useFormat().minute;
  const [showing, setShowing] = useState(false);
  const submitted = useCall(
    'reports.submitted',
    { kind: due.kind, period: due.period },
    { enabled: due.submission !== null && onShowSubmitted !== undefined },
  );
  const finished = due.state === 'due' || due.state === 'late';
  const show = (frozen: boolean) => {
    setShowing(frozen);
    onShowSubmitted?.(frozen ? (submitted.data?.document ?? null) : null);
  };
  return (
    <Stack gap="xs" className="report-screen-only" data-testid="report-submission">
      <Group gap="sm" wrap="wrap">
        <Text fw={600} size="sm">
          {t('reports.submission.panel.title')}
        </Text>
        <StateBadge state={due.state} />
        <Text size="sm" c={due.state === 'late' ? 'red' : 'dimmed'}>
          {t('reports.submission.deadline', { at: atMinute(due.deadline) })}
        </Text>
        {due.submission && (
          <Text size="sm" data-testid="report-submitted-by">
            {t('reports.submission.byAt', { by: due.submission.by.name, at: atMinute(due.submission.at) })}
          </Text>
        )}
        {finished && can('reports.submit') && <SubmitReportButton kind={due.kind} period={due.period} />}
        {due.submission && onShowSubmitted && submitted.data && (
          <Button size="xs" variant="subtle" onClick={() => show(!showing)} data-testid="report-submitted-toggle">
            {showing ? t('reports.submission.panel.viewLive') : t('reports.submission.panel.viewSubmitted')}
          </Button>
        )}
      </Group>
      {due.state === 'open' && (
        <Text size="xs" c="dimmed">
          {t('reports.submission.panel.notFinished', { deadline: atMinute(due.deadline) })}
        </Text>
      )}
      {finished && !can('reports.submit') && (
        <Text size="xs" c="dimmed">
          {t('reports.submission.panel.notAllowed')}
        </Text>
      )}
      {showing && due.submission && (
        <Alert color="teal" variant="light" py={6} data-testid="report-frozen-note">
          {t('reports.submission.panel.frozen', { by: due.submission.by.name, at: atMinute(due.submission.at) })}
        </Alert>
      )}
    </Stack>
  );
}
