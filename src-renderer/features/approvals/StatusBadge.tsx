/** A request's status as a coloured badge. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from '@shared/contract';

const COLORS: Record<ApprovalStatus, string> = { pending: 'yellow', executed: 'teal', rejected: 'gray', failed: 'red' };

export function StatusBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} miw="max-content" data-testid="approval-status">
      {t(`approvals.statuses.${status}`)}
    </Badge>
  );
}
