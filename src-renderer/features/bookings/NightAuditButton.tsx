/**
 * The night audit: a confirmation that says which business date it closes (the open one, not the
 * calendar's) and what that does — it cannot be undone — then the bookings it marked as no-shows.
 * Before the date's calendar day has ended the dialog says so and asks for an explicit early close,
 * which the approval policy holds for a supervisor: the request dialog takes it from there.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconMoon } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BusinessDayStatus, NightAuditResult } from '@shared/contract';
import { addDays } from '@shared/rules/stay';
import { useMutate } from '../../api/use-call';
import { invalidate } from '../../api/query-client';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { FormError } from '../../ui/FormError';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';
import { useCan } from '../../api/session';
import { useMonthDay } from './business-day';
import { useStayFormat } from './stay-format';

export function NightAuditButton({ status }: { status: BusinessDayStatus }) {
  const { t } = useTranslation();
  const stay = useStayFormat();
  const [opened, setOpened] = useState(false);
  const [result, setResult] = useState<NightAuditResult | null>(null);
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const finish = (value: NightAuditResult) => {
    setResult(value);
    notifications.show({
      color: 'teal',
      message: t('desk.nightAudit.done', { closed: stay.long(value.closedDate), date: stay.long(value.businessDate) }),
    });
  };
  const close = () => {
    setOpened(false);
    setResult(null);
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconMoon size={16} />}
        onClick={() => setOpened(true)}
        data-testid="desk-night-audit"
      >
        {t('desk.nightAudit.button')}
      </Button>
      <Modal
        opened={opened && held === null}
        onClose={close}
        title={t('desk.nightAudit.title')}
        size="lg"
        centered
        data-testid="night-audit-dialog"
      >
        {result ? (
          <AuditResult result={result} onClose={close} />
        ) : (
          <AuditConfirm status={status} onClose={close} onDone={finish} onHeld={setHeld} />
        )}
      </Modal>
      <ApprovalRequestDialog
        held={held}
        onClose={() => setHeld(null)}
        onExecuted={(request) => {
          setHeld(null);
          finish(request.result as NightAuditResult);
        }}
      />
    </>
  );
}

function AuditConfirm({
  status,
  onClose,
  onDone,
  onHeld,
}: {
  status: BusinessDayStatus;
  onClose: () => void;
  onDone: (result: NightAuditResult) => void;
  onHeld: (held: HeldOperation) => void;
}) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const format = useFormat();
  const stay = useStayFormat();
  const monthDay = useMonthDay();
  const can = useCan();
  const client = useQueryClient();
  const [earlyConfirmed, setEarlyConfirmed] = useState(false);
  const { closes, early, notStarted, endsAt } = status.audit;
  const input = { closingDate: closes, earlyClose: early && earlyConfirmed };
  const roll = useMutate('nightAudit.roll', {
    onSuccess: onDone,
    onError: (thrown) => {
      const asked = heldFrom(
        thrown,
        'nightAudit.roll',
        input,
        t('desk.nightAudit.subject', { date: stay.long(closes) }),
      );
      if (asked) onHeld(asked);
      // Another desk's audit may have moved the date meanwhile: show the open one.
      else invalidate(client, ['businessDay.status']);
    },
  });
  const endsAtText = format.minute(endsAt);

  return (
    <Stack gap="sm">
      <Text data-testid="night-audit-closes">{t('desk.nightAudit.intro', { date: stay.long(closes) })}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('desk.nightAudit.noShows', { date: monthDay(closes) })}</List.Item>
        <List.Item>{t('desk.nightAudit.roll', { date: monthDay(addDays(closes, 1)) })}</List.Item>
        <List.Item>{t('desk.nightAudit.audit')}</List.Item>
      </List>
      {status.lagDays === 1 && (
        <Text size="sm" c="dimmed" data-testid="night-audit-after-midnight">
          {t('desk.nightAudit.afterMidnight', { date: monthDay(closes), calendar: monthDay(status.calendarDate) })}
        </Text>
      )}
      {status.lagging && (
        <Alert color="red" variant="light" data-testid="night-audit-lagging">
          {t('desk.nightAudit.lagging', { date: monthDay(closes), count: status.lagDays })}
        </Alert>
      )}
      {notStarted ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="night-audit-not-started">
          {t('desk.nightAudit.notStarted', { date: stay.long(closes) })}
        </Alert>
      ) : (
        early && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('desk.nightAudit.earlyTitle')}
            data-testid="night-audit-early"
          >
            <Stack gap="xs">
              <Text size="sm">{t('desk.nightAudit.early', { date: stay.long(closes), endsAt: endsAtText })}</Text>
              <Text size="sm">
                {can('approvals.decide')
                  ? t('desk.nightAudit.earlyBySupervisor')
                  : t('desk.nightAudit.earlyNeedsSupervisor')}
              </Text>
              <Checkbox
                label={t('desk.nightAudit.earlyConfirm', { date: monthDay(closes) })}
                checked={earlyConfirmed}
                onChange={(event) => setEarlyConfirmed(event.currentTarget.checked)}
                data-testid="night-audit-early-confirm"
              />
            </Stack>
          </Alert>
        )
      )}
      {/* A held audit hands over to the request dialog, and this one closes. */}
      <FormError message={roll.isError ? message(roll.error) : null} testId="night-audit-error" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color="orange"
          loading={roll.isPending}
          disabled={notStarted || (early && !earlyConfirmed)}
          onClick={() => roll.mutate(input)}
          data-testid="night-audit-confirm"
        >
          {early ? t('desk.nightAudit.confirmEarly') : t('desk.nightAudit.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function AuditResult({ result, onClose }: { result: NightAuditResult; onClose: () => void }) {
  const { t } = useTranslation();
  const stay = useStayFormat();
  return (
    <Stack gap="sm" data-testid="night-audit-result">
      <Alert color="teal">
        {t('desk.nightAudit.done', { closed: stay.long(result.closedDate), date: stay.long(result.businessDate) })}
      </Alert>
      {result.earlyClose && (
        <Text size="sm" c="orange" data-testid="night-audit-result-early">
          {t('desk.nightAudit.earlyRecorded')}
        </Text>
      )}
      <Text fw={600}>{t('desk.nightAudit.noShowsTitle')}</Text>
      {result.noShows.length ? (
        <List size="sm" ff="monospace">
          {result.noShows.map((number) => (
            <List.Item key={number}>{number}</List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed" size="sm">
          {t('desk.nightAudit.noNoShows')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
