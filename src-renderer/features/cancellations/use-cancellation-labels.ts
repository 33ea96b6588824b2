/** How a cancellation's codes read in the UI language: its reason, the rule that charged it, the refund method. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type CancelReason } from '@shared/contract';
import type { CancellationRule } from '@shared/rules/cancellation';

function isPaymentMethod(value: string): value is (typeof PAYMENT_METHODS)[number] {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

export function useCancellationLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      reason: (reason: CancelReason) => t(`cancellations.reasons.${reason}`),
      rule: (rule: CancellationRule) => t(`cancellations.rules.${rule}`),
      /** A no-show records no refund method. */
      refundMethod: (method: string | null) =>
        method === null
          ? t('common.empty')
          : isPaymentMethod(method)
            ? t(`cancellations.refundMethods.${method}`)
            : method,
    }),
    [t],
  );
}
