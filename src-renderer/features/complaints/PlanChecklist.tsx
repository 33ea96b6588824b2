/** A group complaint's response plan: each step ticked by the owner or co-owner, with who and when. */
import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/contract';
import { useSession } from '../../api/session';
import { useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';

export function PlanChecklist({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const { message } = useErrorText();
  const tick = useMutate('complaints.tickPlan', {
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });
  if (complaint.plan.length === 0) return null;
  const mayTick =
    complaint.status !== 'closed' && (complaint.owner.id === user.id || complaint.coOwner?.id === user.id);
  return (
    <Stack gap={6} data-testid="complaint-plan">
      <Text fw={600} size="sm">
        {t('complaints.plan.title')}
      </Text>
      {complaint.plan.map((item) => (
        <Group key={item.id} justify="space-between" wrap="nowrap" data-testid={`plan-${item.step}`}>
          <Checkbox checked={item.doneAt !== null} readOnly label={t(`complaints.plan.steps.${item.step}`)} />
          {item.doneAt !== null && item.doneBy !== null ? (
            <Text size="xs" c="dimmed">
              {item.doneBy.name} · {format.dateTime(item.doneAt)}
            </Text>
          ) : (
            mayTick && (
              <Button
                size="compact-xs"
                variant="light"
                loading={tick.isPending && tick.variables?.itemId === item.id}
                onClick={() => tick.mutate({ id: complaint.id, itemId: item.id })}
                data-testid={`plan-tick-${item.step}`}
              >
                {t('complaints.plan.tick')}
              </Button>
            )
          )}
        </Group>
      ))}
    </Stack>
  );
}
