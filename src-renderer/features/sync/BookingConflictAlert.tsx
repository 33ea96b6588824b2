/**
 * In the booking drawer: this booking is part of an open conflict — a sale another desk made of the
 * same last room, or a change made offline that could not be redone (said in full, with what became
 * of it) — with the way to the conflicts page.
 */
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../shell/router';
import { useConflictText } from './use-conflict-text';
import { useCall } from '../../api/use-call';

export function BookingConflictAlert({ bookingId }: { bookingId: string }) {
  const { t } = useTranslation();
  const text = useConflictText();
  const open = useCall('conflicts.list', { status: 'open' });
  const mine = (open.data ?? []).filter(
    (conflict) => conflict.subjectType === 'booking' && conflict.subjectId === bookingId,
  );
  if (mine.length === 0) return null;
  const refused = mine.filter((conflict) => conflict.kind === 'rebase_refused');
  const oversold = mine.length > refused.length;
  return (
    <Alert color="red" variant="light" icon={<IconArrowsExchange size={18} />} data-testid="booking-conflict-alert">
      <Stack gap={4}>
        {oversold && <Text size="sm">{t('sync.conflicts.bookingAlert')}</Text>}
        {refused.length > 0 && <Text size="sm">{t('sync.conflicts.bookingAlertRefused')}</Text>}
        {refused.map((conflict) => (
          <div key={conflict.id} data-testid="booking-conflict-refused">
            <Text size="xs">{text.detail(conflict)}</Text>
            <Text size="xs" c="dimmed">
              {text.outcome(conflict)}
            </Text>
          </div>
        ))}
        <Anchor href={hrefOf('conflicts')} size="sm" fw={600}>
          {t('sync.conflicts.viewConflicts')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
