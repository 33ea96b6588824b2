/**
 * Bringing in the supervisor a major complaint needs (a director, for a group one): the owner
 * names one, or an eligible supervisor takes it up; once co-owned, who it is.
 */
import { useState } from 'react';
import { Alert, Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/contract';
import { useSession } from '../../api/session';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';

export function Escalation({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = useErrorText();
  const supervisors = useCall('complaints.supervisors', { severity: complaint.severity });
  const [chosen, setChosen] = useState<string | null>(null);
  const escalate = useMutate('complaints.escalate', {
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });
  if (complaint.severity === 'general' || complaint.coOwner !== null || complaint.status === 'closed') return null;
  const owner = complaint.owner.id === user.id;
  const eligible = supervisors.data ?? [];
  const mayTakeUp = !owner && eligible.some((supervisor) => supervisor.id === user.id);
  return (
    <Alert color="orange" variant="light" data-testid="complaint-escalation">
      <Text size="sm">
        {t(complaint.severity === 'group' ? 'complaints.escalation.groupHint' : 'complaints.escalation.majorHint')}
      </Text>
      {owner && (
        <Group align="flex-end" mt="xs">
          <Select
            label={t('complaints.supervisor')}
            data={eligible.map((supervisor) => ({ value: supervisor.id, label: supervisor.name }))}
            value={chosen}
            onChange={setChosen}
            searchable
            w={220}
            data-testid="complaint-supervisor"
          />
          <Button
            disabled={chosen === null}
            loading={escalate.isPending}
            onClick={() => chosen !== null && escalate.mutate({ id: complaint.id, supervisorId: chosen })}
            data-testid="complaint-escalate"
          >
            {t('complaints.escalation.name')}
          </Button>
        </Group>
      )}
      {mayTakeUp && (
        <Button
          mt="xs"
          loading={escalate.isPending}
          onClick={() => escalate.mutate({ id: complaint.id, supervisorId: user.id })}
          data-testid="complaint-take-up"
        >
          {t('complaints.escalation.takeUp')}
        </Button>
      )}
    </Alert>
  );
}
