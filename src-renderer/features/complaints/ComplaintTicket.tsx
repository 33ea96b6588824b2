/**
 * One complaint: what was said, who owns and co-owns it, its "5+X" clocks, the group plan, the
 * compensation given, its timeline, the customer documents attached, and the steps the signed-in
 * person may take now.
 */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { GROUP_PLAN_STEPS, type Complaint, type GroupPlanStep } from '@shared/contract';
import { useSession } from '../../api/session';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { Fact } from '../../ui/Fact';
import { QueryState } from '../../ui/QueryState';
import { CustomerDocuments } from '../archive/CustomerDocuments';
import { ClockBadges } from './ClockBadges';
import { Compensations } from './Compensations';
import { Escalation } from './Escalation';
import { PlanChecklist } from './PlanChecklist';
import { SeverityBadge } from './SeverityBadge';
import { stepsFor, TicketSteps } from './TicketSteps';

const isPlanStep = (value: string): value is GroupPlanStep => (GROUP_PLAN_STEPS as readonly string[]).includes(value);

/** The ticket in a wide dialog: the facts and steps beside the timeline, so both fit a desk screen. */
export function ComplaintModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={id !== null} onClose={onClose} title={t('complaints.title')} size={1000} centered>
      {id && <ComplaintTicket id={id} />}
    </Modal>
  );
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
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" data-testid="complaint-ticket">
      <Stack gap="sm">
        <Group gap="xs">
          <Text ff="monospace" fw={600} data-testid="complaint-number">
            {complaint.number}
          </Text>
          <SeverityBadge severity={complaint.severity} />
          <Badge variant="light" data-testid="complaint-status">
            {t(`complaints.statuses.${complaint.status}`)}
          </Badge>
        </Group>
        <ClockBadges complaint={complaint} all />
        {complaint.waitingSince !== null && (
          <Text size="sm" c="blue" data-testid="complaint-waiting">
            {t('complaints.waiting', { at: format.dateTime(complaint.waitingSince) })}
          </Text>
        )}
        <Group gap="xl">
          <Fact label={t('complaints.owner')} testId="complaint-owner">
            {complaint.owner.name}
          </Fact>
          {complaint.severity !== 'general' && (
            <Fact label={t('complaints.coOwner')} testId="complaint-co-owner">
              {complaint.coOwner?.name ?? t('complaints.noCoOwner')}
            </Fact>
          )}
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
        {complaint.signedOffBy && complaint.signedOffAt && (
          <Text size="sm" c="teal" data-testid="complaint-signed-off">
            {t('complaints.signedOff', {
              name: complaint.signedOffBy.name,
              at: format.dateTime(complaint.signedOffAt),
            })}
          </Text>
        )}
        <Escalation complaint={complaint} />
        <PlanChecklist complaint={complaint} />
        <Compensations complaint={complaint} />
        {steps.length > 0 && <TicketSteps id={complaint.id} steps={steps} />}
        {complaint.owner.id === user.id && complaint.pendingOwner === null && complaint.status !== 'closed' && (
          <OfferHandover id={complaint.id} owner={complaint.owner.id} />
        )}
      </Stack>
      <Stack gap="sm">
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
              {event.note && (
                <Text size="sm">
                  {event.kind === 'plan_step_done' && isPlanStep(event.note)
                    ? t(`complaints.plan.steps.${event.note}`)
                    : event.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
        <CustomerDocuments subjectType="complaint" subjectId={complaint.id} />
      </Stack>
    </SimpleGrid>
  );
}

/** 转交: offered to someone who handles complaints; the owner stays owner until they accept. */
function OfferHandover({ id, owner }: { id: string; owner: string }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const receivers = useCall('complaints.receivers', {});
  const [to, setTo] = useState<string | null>(null);
  const offer = useMutate('complaints.offerHandover', {
    onSuccess: () => setTo(null),
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
