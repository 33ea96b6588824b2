/** What a request still waits for, in words: "需要主管或更高级别审批", "需要第二人复核". */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awaiting } from './held';

export function useAwaitingText(): (awaiting: Awaiting) => string[] {
  const { t } = useTranslation();
  return useCallback(
    ({ approverRole, dualReview }: Awaiting) => [
      ...(approverRole ? [t('approvals.needsApprover', { role: t(`roles.${approverRole}`) })] : []),
      ...(dualReview ? [t('approvals.needsReview')] : []),
    ],
    [t],
  );
}
