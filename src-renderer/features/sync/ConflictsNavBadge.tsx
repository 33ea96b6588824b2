/** The number next to 同步冲突 in the navbar: open conflicts, from the polled sync status. */
import { Badge } from '@mantine/core';
import { useCall } from '../../api/use-call';

export function ConflictsNavBadge() {
  const open = useCall('sync.status', {}).data?.openConflicts ?? 0;
  if (open === 0) return null;
  return (
    <Badge size="sm" circle={open < 10} color="red" data-testid="conflicts-badge">
      {open}
    </Badge>
  );
}
