/** The number next to 审批 in the navbar: requests this person could decide, plus overdue paperwork. */
import { Badge } from '@mantine/core';
import { useCall } from '../../api/use-call';

export function ApprovalsNavBadge() {
  const counts = useCall('approvals.counts', {});
  const total = counts.data ? counts.data.toDecide + counts.data.overduePaperwork : 0;
  if (total === 0) return null;
  return (
    <Badge size="sm" circle={total < 10} color="red" data-testid="approvals-badge">
      {total}
    </Badge>
  );
}
