/** The steps the signed-in person may take on a ticket now, with one note for whichever they take (the handlers decide again). */
import { useState } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/contract';
import { useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';

type Step =
  | 'complaints.respond'
  | 'complaints.resolve'
  | 'complaints.pause'
  | 'complaints.resume'
  | 'complaints.close'
  | 'complaints.signOff'
  | 'complaints.reopen'
  | 'complaints.acceptHandover'
  | 'complaints.declineHandover';

const LABEL = {
  'complaints.respond': 'complaints.actions.respond',
  'complaints.resolve': 'complaints.actions.resolve',
  'complaints.pause': 'complaints.moreActions.pause',
  'complaints.resume': 'complaints.moreActions.resume',
  'complaints.close': 'complaints.actions.close',
  'complaints.signOff': 'complaints.moreActions.signOff',
  'complaints.reopen': 'complaints.moreActions.reopen',
  'complaints.acceptHandover': 'complaints.actions.accept',
  'complaints.declineHandover': 'complaints.actions.decline',
} as const satisfies Record<Step, string>;

/** Steps that step back or aside, drawn quieter than the step forward. */
const QUIET: ReadonlySet<Step> = new Set(['complaints.declineHandover', 'complaints.pause', 'complaints.reopen']);

export function stepsFor(complaint: Complaint, staffId: string): Step[] {
  if (complaint.pendingOwner?.id === staffId) return ['complaints.acceptHandover', 'complaints.declineHandover'];
  const owner = complaint.owner.id === staffId;
  const coOwner = complaint.coOwner?.id === staffId;
  switch (complaint.status) {
    case 'open':
    case 'responded':
      if (!owner) return [];
      return complaint.waitingSince !== null
        ? ['complaints.resume']
        : ['complaints.pause', 'complaints.respond', 'complaints.resolve'];
    case 'resolved':
      return [
        ...(owner || coOwner ? (['complaints.reopen'] as const) : []),
        ...(owner && complaint.severity === 'general' ? (['complaints.close'] as const) : []),
        ...(coOwner ? (['complaints.signOff'] as const) : []),
      ];
    case 'closed':
      return owner || coOwner ? ['complaints.reopen'] : [];
  }
}

export function TicketSteps({ id, steps }: { id: string; steps: Step[] }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const [note, setNote] = useState('');
  // The ticket itself shows the step taken (status, clocks, timeline): no toast over it.
  const options = {
    onSuccess: () => setNote(''),
    onError: (thrown: Error) => notifications.show({ color: 'red', message: message(thrown) }),
  };
  const mutations: Record<Step, { isPending: boolean; mutate: (input: { id: string; note: string }) => void }> = {
    'complaints.respond': useMutate('complaints.respond', options),
    'complaints.resolve': useMutate('complaints.resolve', options),
    'complaints.pause': useMutate('complaints.pause', options),
    'complaints.resume': useMutate('complaints.resume', options),
    'complaints.close': useMutate('complaints.close', options),
    'complaints.signOff': useMutate('complaints.signOff', options),
    'complaints.reopen': useMutate('complaints.reopen', options),
    'complaints.acceptHandover': useMutate('complaints.acceptHandover', options),
    'complaints.declineHandover': useMutate('complaints.declineHandover', options),
  };
  const busy = steps.some((step) => mutations[step].isPending);
  return (
    <Stack gap="xs">
      <Textarea
        label={t('complaints.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-testid="complaint-note"
      />
      <Group justify="flex-end">
        {steps.map((step) => (
          <Button
            key={step}
            variant={QUIET.has(step) ? 'default' : 'filled'}
            loading={mutations[step].isPending}
            disabled={busy && !mutations[step].isPending}
            onClick={() => mutations[step].mutate({ id, note })}
            data-testid={`complaint-${step.slice('complaints.'.length)}`}
          >
            {t(LABEL[step])}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
