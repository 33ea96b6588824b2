/** A request's story: who asked and why, each decision (where, by whom, emergency or not), and the outcome. */
import { Badge, Group, Text, Timeline } from '@mantine/core';
import { IconCheck, IconClock, IconFileCheck, IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApprovalDecision, ApprovalRequest } from '@shared/contract';
import { useFormat } from '../../i18n/format';
import { useAwaitingText } from './awaiting-text';
import { useFailureText } from './failure-text';
import { useRequestLabels } from './request-labels';

function decisionWord(decision: ApprovalDecision): 'rejected' | 'approvedAndReviewed' | 'approved' | 'reviewed' {
  if (decision.kind === 'reject') return 'rejected';
  if (decision.approved && decision.reviewed) return 'approvedAndReviewed';
  return decision.approved ? 'approved' : 'reviewed';
}

function When({ at }: { at: string }) {
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed" mt={2}>
      {format.dateTime(at)}
    </Text>
  );
}

function DecisionTitle({ decision }: { decision: ApprovalDecision }) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  return (
    <Group gap={6}>
      {t(`approvals.history.${decisionWord(decision)}`, { who: labels.person(decision.decider) })}
      <Badge size="xs" variant="light" color="gray">
        {decision.atDesk ? t('approvals.history.atDesk') : t('approvals.history.fromQueue')}
      </Badge>
      {decision.emergency && (
        <Badge size="xs" variant="filled" color="orange">
          {t('approvals.emergency')}
        </Badge>
      )}
    </Group>
  );
}

export function ApprovalHistory({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useRequestLabels();
  const awaitingText = useAwaitingText();
  const failureText = useFailureText();
  const outcome =
    request.status === 'pending'
      ? t('approvals.history.waiting', { what: awaitingText(request.awaiting).join(t('approvals.listSeparator')) })
      : request.status === 'failed'
        ? failureText(request.errorCode)
        : t(`approvals.statuses.${request.status}`);

  return (
    <Timeline
      bulletSize={22}
      lineWidth={2}
      active={request.decisions.length + (request.status === 'pending' ? 0 : 1)}
      data-testid="approval-history"
    >
      <Timeline.Item
        bullet={<IconSend size={12} />}
        title={t('approvals.history.created', { who: labels.person(request.requester) })}
      >
        <Text size="sm" c="dimmed">
          {t('approvals.history.reason', { reason: request.reason })}
        </Text>
        <When at={request.createdAt} />
      </Timeline.Item>
      {request.decisions.map((decision) => (
        <Timeline.Item
          key={decision.id}
          bullet={decision.kind === 'reject' ? <IconX size={12} /> : <IconCheck size={12} />}
          color={decision.kind === 'reject' ? 'red' : undefined}
          title={<DecisionTitle decision={decision} />}
        >
          {decision.comment && (
            <Text size="sm" c="dimmed">
              {t('approvals.history.comment', { comment: decision.comment })}
            </Text>
          )}
          <When at={decision.at} />
        </Timeline.Item>
      ))}
      <Timeline.Item
        bullet={request.status === 'pending' ? <IconClock size={12} /> : <IconFileCheck size={12} />}
        color={request.status === 'failed' ? 'red' : undefined}
        title={outcome}
        data-testid="approval-history-outcome"
      >
        {request.decidedAt && <When at={request.decidedAt} />}
        {request.emergency && request.paperworkDueAt && (
          <Text size="sm" mt={4} c={request.paperworkDoneAt ? 'dimmed' : 'orange'}>
            {request.paperworkDoneAt
              ? t('approvals.paperworkDone', { at: format.dateTime(request.paperworkDoneAt) })
              : t('approvals.paperworkDue', { at: format.dateTime(request.paperworkDueAt) })}
          </Text>
        )}
      </Timeline.Item>
    </Timeline>
  );
}
