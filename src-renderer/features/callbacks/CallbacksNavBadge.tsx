/** The number next to 回访 in the navbar: call-backs to make before the end of today, overdue ones included. */
import { Badge } from '@mantine/core';
import { useCall } from '../../api/use-call';

export function CallbacksNavBadge() {
  const counts = useCall('complaints.counts', {});
  const due = counts.data?.callbacksDueToday ?? 0;
  if (due === 0) return null;
  return (
    <Badge size="sm" circle={due < 10} color="orange" data-testid="callbacks-badge">
      {due}
    </Badge>
  );
}
