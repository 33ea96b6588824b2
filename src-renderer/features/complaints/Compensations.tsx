/** What was given on a ticket, and — for its owner or co-owner while it is open — the form to give more. */
import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconGift } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/contract';
import { useSession } from '../../api/session';
import { useFormat } from '../../i18n/format';
import { useMoney } from '../../ui/money';
import { CompensateForm } from './CompensateForm';

export function Compensations({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const { user } = useSession();
  const [giving, setGiving] = useState(false);
  const mayGive =
    complaint.status !== 'closed' && (complaint.owner.id === user.id || complaint.coOwner?.id === user.id);
  if (complaint.compensations.length === 0 && !mayGive) return null;
  return (
    <Stack gap={6} data-testid="complaint-compensations">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('complaints.compensations')}
        </Text>
        {mayGive && !giving && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconGift size={14} />}
            onClick={() => setGiving(true)}
            data-testid="complaint-compensate"
          >
            {t('complaints.compensation.title')}
          </Button>
        )}
      </Group>
      {complaint.compensations.map((given) => (
        <Text size="sm" key={given.id} data-testid={`compensation-${given.kind}`}>
          {t('complaints.compensationLine', {
            kind: t(`complaints.compensation.kinds.${given.kind}`),
            value:
              given.kind === 'points'
                ? `${given.points} ${t('complaints.compensation.points')}`
                : money(given.amountFen),
            name: given.givenBy.name,
          })}{' '}
          <Text span size="xs" c="dimmed">
            {format.dateTime(given.givenAt)} · {given.note}
          </Text>
        </Text>
      ))}
      {giving && (
        <CompensateForm complaint={complaint} onDone={() => setGiving(false)} onCancel={() => setGiving(false)} />
      )}
    </Stack>
  );
}
