/** A ticket's two "5+X" clocks as badges: due by when, due soon, overdue, paused or done. */
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClockState, ComplaintClock, ComplaintSummary } from '@shared/contract';
import { useFormat } from '../../i18n/format';

const COLOR: Record<ClockState, string> = {
  ok: 'gray',
  due_soon: 'orange',
  overdue: 'red',
  paused: 'blue',
  met: 'teal',
};

function ClockBadge({ label, clock, testId }: { label: string; clock: ComplaintClock; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const at = clock.dueAt === null ? '' : format.dateTime(clock.dueAt);
  return (
    <Badge color={COLOR[clock.state]} variant={clock.state === 'overdue' ? 'filled' : 'light'} data-testid={testId}>
      {label} · {t(`complaints.clock.${clock.state}`, { at })}
    </Badge>
  );
}

/** The running clocks only, unless `all`: a list row shows what still counts, the ticket shows both. */
export function ClockBadges({ complaint, all = false }: { complaint: ComplaintSummary; all?: boolean }) {
  const { t } = useTranslation();
  const shown = (clock: ComplaintClock) => all || clock.state !== 'met';
  return (
    <Group gap={4} wrap="nowrap">
      {shown(complaint.response) && (
        <ClockBadge
          label={t('complaints.response')}
          clock={complaint.response}
          testId={`clock-response-${complaint.response.state}`}
        />
      )}
      {shown(complaint.resolution) && (
        <ClockBadge
          label={t('complaints.resolution')}
          clock={complaint.resolution}
          testId={`clock-resolution-${complaint.resolution.state}`}
        />
      )}
    </Group>
  );
}
