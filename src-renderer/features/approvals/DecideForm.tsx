/**
 * Approving or rejecting a request from the queue, as the signed-in person, with a comment.
 * Emergency authorisation is offered to an approver below the tier the request needs (and after
 * the services answered APPROVER_TIER_TOO_LOW), with what it entails.
 */
import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '@shared/contract';
import { APPROVER_RANK } from '@shared/rules/approval-tiers';
import { useMutate } from '../../api/use-call';
import { toAppError, useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { useSession } from '../../api/session';
import { useAwaitingText } from './awaiting-text';
import { useFailureText } from './failure-text';

export function DecideForm({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const { user } = useSession();
  const awaitingText = useAwaitingText();
  const failureText = useFailureText();
  const [comment, setComment] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [tierTooLow, setTierTooLow] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const decide = useMutate('approvals.decide', {
    onMutate: () => setError(null),
    onSuccess: (result) => {
      setComment('');
      if (result.status === 'failed') notifications.show({ color: 'red', message: failureText(result.errorCode) });
      else if (result.status === 'pending')
        notifications.show({
          color: 'teal',
          message: t('approvals.decided.pending', {
            what: awaitingText(result.awaiting).join(t('approvals.listSeparator')),
          }),
        });
      else notifications.show({ color: 'teal', message: t(`approvals.decided.${result.status}`) });
    },
    onError: (thrown) => {
      if (toAppError(thrown).code === 'APPROVER_TIER_TOO_LOW') setTierTooLow(true);
      setError(message(thrown));
    },
  });

  const required = request.awaiting.approverRole;
  const rank = APPROVER_RANK[user.role];
  const offerEmergency = tierTooLow || (required !== null && rank > 0 && rank < APPROVER_RANK[required]);

  return (
    <Stack gap="sm">
      <Textarea
        label={t('approvals.comment')}
        autosize
        minRows={2}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        data-testid="decide-comment"
      />
      {offerEmergency && (
        <Checkbox
          label={t('approvals.emergency')}
          description={t('approvals.emergencyHint')}
          checked={emergency}
          onChange={(event) => setEmergency(event.currentTarget.checked)}
          data-testid="decide-emergency"
        />
      )}
      <FormError message={error} testId="decide-error" />
      <Group justify="flex-end">
        <Button
          variant="outline"
          color="red"
          loading={decide.isPending && decide.variables?.decision === 'reject'}
          disabled={decide.isPending}
          onClick={() => decide.mutate({ requestId: request.id, decision: 'reject', emergency, comment })}
          data-testid="decide-reject"
        >
          {t('approvals.reject')}
        </Button>
        <Button
          loading={decide.isPending && decide.variables?.decision === 'approve'}
          disabled={decide.isPending}
          onClick={() => decide.mutate({ requestId: request.id, decision: 'approve', emergency, comment })}
          data-testid="decide-approve"
        >
          {t('approvals.approve')}
        </Button>
      </Group>
    </Stack>
  );
}
