/** Where a request stands after an approval in the dialog (what it still awaits is listed above it): partly approved, refused or failed. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '@shared/contract';
import { useFailureText } from './failure-text';

const COLORS = { pending: 'blue', executed: 'teal', rejected: 'gray', failed: 'red' } as const;

export function OutcomeAlert({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const last = request.decisions.at(-1);
  let text: string;
  if (request.status === 'pending') text = t('approvals.dialog.partlyApproved', { name: last?.decider.name ?? '' });
  else if (request.status === 'failed') text = failureText(request.errorCode);
  else text = t(`approvals.statuses.${request.status}`);
  return (
    <Alert variant="light" color={COLORS[request.status]} data-testid="approval-outcome">
      {text}
    </Alert>
  );
}
