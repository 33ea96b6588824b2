/** The number next to 客诉 in the navbar: overdue and due-soon tickets, and those awaiting this supervisor. */
import { Badge } from '@mantine/core';
import { useCall } from '../../api/use-call';

export function ComplaintsNavBadge() {
  const counts = useCall('complaints.counts', {});
  if (!counts.data) return null;
  const { overdue, dueSoon, awaitingSupervisor } = counts.data;
  const total = overdue + dueSoon + awaitingSupervisor;
  if (total === 0) return null;
  return (
    <Badge size="sm" circle={total < 10} color={overdue > 0 ? 'red' : 'orange'} data-testid="complaints-badge">
      {total}
    </Badge>
  );
}
