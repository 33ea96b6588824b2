/** One complaint: what was said, who owns it, its timeline, and the steps the signed-in person may take now. */
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/contract';
import { useSession } from '../../api/session';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { Fact } from '../../ui/Fact';
import { QueryState } from '../../ui/QueryState';

type Step =
  | 'complaints.respond'
  | 'complaints.resolve'
  | 'complaints.close'
  | 'complaints.acceptHandover'
  | 'complaints.declineHandover';

const STEP_LABEL: Record<Step, 'respond' | 'resolve' | 'close' | 'accept' | 'decline'> = {
  'complaints.respond': 'respond',
  'complaints.resolve': 'resolve',
  'complaints.close': 'close',
  'complaints.acceptHandover': 'accept',
  'complaints.declineHandover': 'decline',
};

/** What the signed-in person may do with the ticket now (the handlers decide again). */
function stepsFor(complaint: Complaint, staffId: string): Step[] {
  if (complaint.pendingOwner?.id === staffId) return ['complaints.acceptHandover', 'complaints.declineHandover'];
  if (complaint.owner.id !== staffId) return [];
  if (complaint.status === 'open' || complaint.status === 'responded')
    return ['complaints.respond', 'complaints.resolve'];
  return complaint.status === 'resolved' ? ['complaints.close'] : [];
}

export function ComplaintTicket({ id }: { id: string }) {
  const complaint = useCall('complaints.get', { id });
  return <QueryState query={complaint}>{(loaded) => <Ticket complaint={loaded} />}</QueryState>;
}

function Ticket({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const steps = stepsFor(complaint, user.id);
  return (
    <Stack gap="sm" data-testid="complaint-ticket">
      <Group gap="xs">
        <Text ff="monospace" fw={600} data-testid="complaint-number">
          {complaint.number}
        </Text>
        <Badge color={complaint.severity === 'general' ? 'gray' : 'red'}>
          {t(`complaints.severities.${complaint.severity}`)}
        </Badge>
        <Badge variant="light" data-testid="complaint-status">
          {t(`complaints.statuses.${complaint.status}`)}
        </Badge>
      </Group>
      <Group gap="xl">
        <Fact label={t('complaints.owner')} testId="complaint-owner">
          {complaint.owner.name}
        </Fact>
        <Fact label={t('complaints.channel')}>{t(`complaints.channels.${complaint.channel}`)}</Fact>
        {complaint.guestName && <Fact label={t('complaints.guest')}>{complaint.guestName}</Fact>}
      </Group>
      {complaint.pendingOwner && (
        <Text size="sm" c="orange">
          {t('complaints.pendingOwner', { name: complaint.pendingOwner.name })}
        </Text>
      )}
      <Fact label={t('complaints.description')}>{complaint.description}</Fact>
      {complaint.expectation && <Fact label={t('complaints.expectation')}>{complaint.expectation}</Fact>}
      <Text fw={600} size="sm">
        {t('complaints.timeline')}
      </Text>
      <Timeline bulletSize={14} lineWidth={2} active={complaint.timeline.length - 1} data-testid="complaint-timeline">
        {complaint.timeline.map((event) => (
          <Timeline.Item
            key={event.id}
            title={t(`complaints.events.${event.kind}`, { target: event.target?.name ?? '' })}
            data-testid={`complaint-event-${event.kind}`}
          >
            <Text size="xs" c="dimmed">
              {event.staff.name} · {format.dateTime(event.at)}
            </Text>
            {event.note && <Text size="sm">{event.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {steps.length > 0 && <Steps id={complaint.id} steps={steps} />}
      {complaint.owner.id === user.id && complaint.pendingOwner === null && complaint.status !== 'closed' && (
        <OfferHandover id={complaint.id} owner={complaint.owner.id} />
      )}
    </Stack>
  );
}

function Steps({ id, steps }: { id: string; steps: Step[] }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const [note, setNote] = useState('');
  const options = {
    onSuccess: () => {
      setNote('');
      notifications.show({ color: 'teal', message: t('complaints.done') });
    },
    onError: (thrown: Error) => notifications.show({ color: 'red', message: message(thrown) }),
  };
  const mutations = {
    'complaints.respond': useMutate('complaints.respond', options),
    'complaints.resolve': useMutate('complaints.resolve', options),
    'complaints.close': useMutate('complaints.close', options),
    'complaints.acceptHandover': useMutate('complaints.acceptHandover', options),
    'complaints.declineHandover': useMutate('complaints.declineHandover', options),
  };
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
            variant={step === 'complaints.declineHandover' ? 'default' : 'filled'}
            loading={mutations[step].isPending}
            onClick={() => mutations[step].mutate({ id, note })}
            data-testid={`complaint-${STEP_LABEL[step]}`}
          >
            {t(`complaints.actions.${STEP_LABEL[step]}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** 转交: offered to someone who handles complaints; the owner stays owner until they accept. */
function OfferHandover({ id, owner }: { id: string; owner: string }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const receivers = useCall('complaints.receivers', {});
  const [to, setTo] = useState<string | null>(null);
  const offer = useMutate('complaints.offerHandover', {
    onSuccess: () => {
      setTo(null);
      notifications.show({ color: 'teal', message: t('complaints.done') });
    },
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });
  return (
    <Group align="flex-end" justify="flex-end">
      <Select
        label={t('complaints.actions.offerTo')}
        data={(receivers.data ?? [])
          .filter((receiver) => receiver.id !== owner)
          .map((receiver) => ({ value: receiver.id, label: receiver.name }))}
        value={to}
        onChange={setTo}
        searchable
        w={220}
        data-testid="complaint-offer-to"
      />
      <Button
        variant="light"
        disabled={to === null}
        loading={offer.isPending}
        onClick={() => to !== null && offer.mutate({ id, toStaffId: to })}
        data-testid="complaint-offer"
      >
        {t('complaints.actions.offer')}
      </Button>
    </Group>
  );
}
